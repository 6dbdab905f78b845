package org.coinpilot.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/** The SQLSTATE is read from the reactive PG client's exception and from Hibernate Reactive's wrapping alike. */
class ProblemFailureTest {

    @Test
    void shouldClassifyANulCharacterAs400WhenThePgClientOrHibernateReportsIt() {
        for (Throwable failure : new Throwable[] {
            new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null),
            new CompletionException(new DataException(
                    "could not execute", new SQLException("unsupported Unicode escape sequence", "22P05"))),
            new SQLException("invalid byte sequence", "22021")
        }) {
            ProblemFailure failureKind = ProblemFailure.classify(failure);
            assertThat(failureKind).as(failure.toString()).isNotNull();
            assertThat(failureKind.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(failureKind.detail()).isEqualTo("The text contains a character that cannot be stored (U+0000).");
        }
    }

    @Test
    void shouldClassifyAUniqueViolationAs409WhenHibernateReportsIt() {
        ProblemFailure failure = ProblemFailure.classify(new CompletionException(new ConstraintViolationException(
                "could not execute", new SQLException("duplicate key", "23505"), "uk_users_email")));
        assertThat(failure).isNotNull();
        assertThat(failure.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(failure.code()).isEqualTo("DUPLICATE");
    }
}
