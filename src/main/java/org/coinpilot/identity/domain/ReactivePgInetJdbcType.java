package org.coinpilot.identity.domain;

import io.vertx.pgclient.data.Inet;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * Maps a PostgreSQL {@code inet} column to {@link InetAddress} over the Vert.x reactive PG client.
 *
 * <p>Hibernate's own {@code @JdbcTypeCode(SqlTypes.INET)} binds a JDBC-driver {@code PGobject}, which
 * Hibernate Reactive hands unchanged to the Vert.x client, and the client rejects it ("can not be coerced to
 * the expected class io.vertx.pgclient.data.Inet"). This type binds and reads the client's own {@link Inet}
 * instead. The columns hold single host addresses (IPv4 or IPv6); a netmask stored by other means is dropped
 * on read.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public class ReactivePgInetJdbcType implements JdbcType {

    @Override
    public int getJdbcTypeCode() {
        return SqlTypes.INET;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setObject(index, toInet(javaType.unwrap(value, InetAddress.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, toInet(javaType.unwrap(value, InetAddress.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(toAddress(rs.getObject(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(toAddress(statement.getObject(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(toAddress(statement.getObject(name)), options);
            }
        };
    }

    private static Inet toInet(InetAddress address) {
        return address == null ? null : new Inet().setAddress(address);
    }

    private static InetAddress toAddress(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Inet inet) {
            return inet.getAddress();
        }
        if (value instanceof InetAddress address) {
            return address;
        }
        // text form, e.g. "192.0.2.1/32" (a blocking JDBC driver's PGobject); a literal causes no DNS lookup
        String text = value.toString();
        int slash = text.indexOf('/');
        try {
            return InetAddress.getByName(slash < 0 ? text : text.substring(0, slash));
        } catch (UnknownHostException e) {
            throw new SQLException("Not an inet value: " + text, e);
        }
    }
}
