package org.coinpilot.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.identity.config.IdentityConfig;

/**
 * The password policy: at least {@code min-length} characters, at most 72 bytes (bcrypt's limit, so nothing is
 * silently ignored), not the email or its local part, and not in the list of common passwords shipped in
 * {@code identity/common-passwords.txt}. Violations are 400s naming the field.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final String LIST = "identity/common-passwords.txt";
    static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(IdentityConfig config) {
        this.minLength = config.passwords().minLength();
        this.common = load();
    }

    /** Throws a 400 naming {@code field} when {@code password} breaks the policy. */
    public void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new BadRequestProblemException(field, "body", "must be at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new BadRequestProblemException(field, "body", "must be at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String mail = email.toLowerCase(Locale.ROOT);
            int at = mail.indexOf('@');
            if (lower.equals(mail) || (at > 0 && lower.equals(mail.substring(0, at)))) {
                throw new BadRequestProblemException(field, "body", "must not be the email address");
            }
        }
        if (common.contains(lower)) {
            throw new BadRequestProblemException(field, "body", "is too common; choose a less predictable password");
        }
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(16_384);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
