package org.coinpilot.common.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects every log record of the test JVM from its installation until {@link #close()}. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {}

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyAll(); // the message is formatted later, by whoever reads it
        }
        records.add(record);
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatted message of a record. */
    public static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    /** The records whose formatted message contains {@code text}. */
    public List<LogRecord> containing(String text) {
        return records.stream()
                .filter(r -> message(r) != null && message(r).contains(text))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
