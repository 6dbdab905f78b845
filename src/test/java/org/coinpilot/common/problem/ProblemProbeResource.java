package org.coinpilot.common.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.coinpilot.common.security.Roles;
import org.hibernate.reactive.mutiny.Mutiny;

/** Test-only endpoints that fail in every way the problem mappers must handle. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProblemProbeResource {

    public enum Side {
        LONG,
        SHORT
    }

    public record Leg(@NotNull @Positive BigDecimal price) {}

    public record Order(
            @NotBlank @Email String email,
            @NotNull @Positive BigDecimal quantity,
            @NotNull Side side,
            Instant at,
            @Size(max = 2) List<@Valid Leg> legs) {}

    /** Free-form input: untyped maps, a tree, a list of strings and date-times. */
    public record Note(
            String text,
            Map<String, Object> params,
            Map<String, String> labels,
            JsonNode tree,
            List<String> tags,
            Instant at,
            OffsetDateTime localAt) {}

    /** A body type Jackson cannot construct (no creator, no type information). */
    public interface Shape {
        String name();
    }

    private final Pool pool;
    private final Mutiny.SessionFactory sessions;

    public ProblemProbeResource(Pool pool, Mutiny.SessionFactory sessions) {
        this.pool = pool;
        this.sessions = sessions;
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Note note(Note note) {
        return note;
    }

    @POST
    @Path("/shapes")
    @Consumes(MediaType.APPLICATION_JSON)
    public String shape(Shape shape) {
        return shape.name();
    }

    @GET
    @Path("/echo/{name}")
    public String echoParameters(@PathParam("name") String name, @QueryParam("q") String q) {
        return name + q;
    }

    /** Text with U+0000 sent as a parameter of plain SQL: the PG client's {@code PgException}, SQLSTATE 22021. */
    @GET
    @Path("/nul/sql")
    public Uni<String> nulThroughSql() {
        return pool.preparedQuery("SELECT $1::text")
                .execute(Tuple.of("a\u0000b"))
                .map(rows -> "unreachable");
    }

    /** The same through Hibernate Reactive, which wraps it in a {@code DataException} around a {@code SQLException}. */
    @GET
    @Path("/nul/hibernate")
    public Uni<Object> nulThroughHibernate() {
        return sessions.withSession(session -> session.createNativeQuery("SELECT CAST(:text AS text)")
                .setParameter("text", "a\u0000b")
                .getSingleResult());
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Order echo(@Valid @NotNull Order order) {
        return order;
    }

    @GET
    @Path("/range")
    public String range(@QueryParam("limit") @Min(1) @Max(1000) int limit) {
        return "ok";
    }

    @GET
    @Path("/not-found/{id}")
    public Uni<String> notFound(@PathParam("id") long id) {
        return Uni.createFrom()
                .failure(new ResourceNotFoundException("WIDGET_NOT_FOUND", "No widget has id " + id + "."));
    }

    @GET
    @Path("/rule")
    public String rule() {
        throw new BusinessRuleViolationException("WATCHLIST_LIMIT_REACHED", "A watchlist holds at most 50 assets.");
    }

    @GET
    @Path("/optimistic")
    public String optimistic() {
        throw new OptimisticLockException("row was updated or deleted by another transaction: Watchlist#7");
    }

    @GET
    @Path("/unique")
    public Uni<String> unique() {
        String name = "dup-" + System.nanoTime();
        String sql = "INSERT INTO crypto_sectors (name) VALUES ('" + name + "')";
        return pool.query(sql).execute().chain(() -> pool.query(sql).execute()).map(rows -> "unreachable");
    }

    @GET
    @Path("/timeout")
    public Uni<String> timeout() {
        return Uni.createFrom().failure(new TimeoutException("pool wait 30s"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("SELECT password_hash FROM users failed in org.coinpilot.Secret");
    }

    @GET
    @Path("/constraint")
    public String serviceConstraint() {
        throw new jakarta.validation.ConstraintViolationException("plain", Set.of());
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public String adminOnly() {
        return "secret";
    }
}
