import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.coinpilot.prediction.domain.forecast.EwmaVolatility;
import org.coinpilot.prediction.domain.forecast.Forecaster;
import org.coinpilot.prediction.domain.forecast.Forecasters;
import org.coinpilot.prediction.domain.forecast.WalkForward;

/**
 * Walk-forward predictions of the active baseline versions over their held-out part (bench/predictions/walkforward.sh).
 * For every active 1d version of the registry (written by the job prediction.models.train), at every origin t from
 * the start of its held-out part ({@code performance_metrics.range.heldOutFrom}) to the second-to-last stored candle,
 * the version's forecaster (rebuilt from its stored configuration, the project's classes) sees the closes up to t only
 * and a prediction row is written as the prediction job writes one (docs/predictions.md "Scoring"): made at the close
 * of candle t, target = the close time of candle t + h, input price = close t, accuracy threshold THRESHOLD %, and the
 * confidence = P(|a − p| / a ≤ threshold) under a normal log error of sd σ√h, σ the EWMA volatility known at t.
 * The scoring job then scores them against the stored candles. Arguments: JDBC URL, user, password.
 */
public class WalkForwardPredictions {

    static final double THRESHOLD = Double.parseDouble(System.getProperty("threshold", "2"));

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            List<Object[]> models = new ArrayList<>();
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT id, name, configuration::text, performance_metrics #>> '{range,heldOutFrom}'"
                            + " FROM ai_models WHERE is_active AND training_data_timeframe = '1d' ORDER BY name")) {
                while (rs.next()) {
                    models.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            NormalDistribution normal = new NormalDistribution(null, 0, 1);
            PreparedStatement insert = db.prepareStatement("INSERT INTO predictions (crypto_id, ai_models_id,"
                    + " prediction_type, predicted_price, confidence_score, prediction_horizon, target_datetime,"
                    + " input_price, accuracy_threshold, features_used, created_at, updated_at)"
                    + " VALUES (?, ?, 'price', round(?::numeric, 8), round(?::numeric, 6), ?, ?, ?::numeric, ?::numeric,"
                    + " '[\"log_close\"]', ?, ?)");
            for (Object[] model : models) {
                Map<String, Object> configuration = parse((String) model[2]);
                Forecaster forecaster = Forecasters.fromConfiguration(configuration);
                long cryptoId = ((Number) configuration.get("cryptoId")).longValue();
                int horizon = ((Number) configuration.get("horizon")).intValue();
                List<Instant> times = new ArrayList<>();
                List<String> closes = new ArrayList<>();
                try (PreparedStatement read = db.prepareStatement("SELECT candle_time, close_price::text FROM"
                        + " market_candles WHERE crypto_id = ? AND timeframe = '1d' ORDER BY candle_time")) {
                    read.setLong(1, cryptoId);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            times.add(rs.getTimestamp(1).toInstant());
                            closes.add(rs.getString(2));
                        }
                    }
                }
                double[] close = closes.stream().mapToDouble(Double::parseDouble).toArray();
                double[] logs = WalkForward.logs(close);
                double[] sigma = EwmaVolatility.series(logs);
                Instant heldOutFrom = Instant.parse((String) model[3]);
                int written = 0;
                for (int t = 0; t + horizon < close.length; t++) {
                    if (times.get(t).isBefore(heldOutFrom) || t < forecaster.warmUp(horizon) || Double.isNaN(sigma[t])) {
                        continue;
                    }
                    double predicted = close[t] * Math.exp(forecaster.logReturn(logs, t, horizon));
                    double sd = sigma[t] * Math.sqrt(horizon);
                    double thr = THRESHOLD / 100;
                    double confidence = sd == 0
                            ? 1.0
                            : normal.cumulativeProbability(-Math.log(1 - thr) / sd)
                                    - normal.cumulativeProbability(-Math.log(1 + thr) / sd);
                    Instant made = times.get(t).plus(Duration.ofDays(1)); // the close of the last input candle
                    insert.setLong(1, cryptoId);
                    insert.setLong(2, (Long) model[0]);
                    insert.setString(3, Double.toString(predicted));
                    insert.setString(4, Double.toString(Math.min(1, Math.max(0, confidence))));
                    insert.setInt(5, horizon);
                    insert.setTimestamp(6, Timestamp.from(made.plus(Duration.ofDays(horizon))));
                    insert.setString(7, closes.get(t));
                    insert.setString(8, Double.toString(THRESHOLD));
                    insert.setTimestamp(9, Timestamp.from(made));
                    insert.setTimestamp(10, Timestamp.from(made));
                    insert.addBatch();
                    written++;
                }
                insert.executeBatch();
                db.commit();
                System.out.println(model[1] + " " + configuration + ": " + written + " predictions from " + heldOutFrom);
            }
        }
    }

    /** A flat JSON object of strings and numbers (the stored configurations are no more). */
    static Map<String, Object> parse(String json) {
        Map<String, Object> map = new LinkedHashMap<>();
        String body = json.trim().replaceAll("^\\{|\\}$", "");
        for (String pair : body.split(",")) {
            String[] kv = pair.split(":", 2);
            String key = kv[0].trim().replace("\"", "");
            String value = kv[1].trim();
            if (value.startsWith("\"")) {
                map.put(key, value.replace("\"", ""));
            } else if (value.contains(".") || value.contains("e") || value.contains("E")) {
                map.put(key, Double.parseDouble(value));
            } else {
                map.put(key, Long.parseLong(value));
            }
        }
        return map;
    }
}
