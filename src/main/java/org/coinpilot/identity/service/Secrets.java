package org.coinpilot.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their SHA-256 hashes: the raw values are handed out once, only hashes are stored. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REFERRAL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private Secrets() {}

    /** 256 random bits, URL-safe base64 without padding (43 characters, no dot). */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lowercase hex SHA-256 (64 characters), the form stored in the database. */
    static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hashes. */
    static boolean sameHash(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** An 8-digit sign-in code (about 27 bits: it lives minutes and works once, with the password, per address). */
    static String loginCode() {
        return String.format(java.util.Locale.ROOT, "%08d", RANDOM.nextInt(100_000_000));
    }

    /** A 10-character referral code without look-alike characters (about 49 bits). */
    static String referralCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = REFERRAL_ALPHABET[RANDOM.nextInt(REFERRAL_ALPHABET.length)];
        }
        return new String(code);
    }
}
