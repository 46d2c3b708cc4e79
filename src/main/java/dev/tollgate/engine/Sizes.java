package dev.tollgate.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as the three places a Redis size is written spell them. They disagree on units, so the caller names the
 * convention: Kubernetes quantities ({@code 6Gi}, {@code 6144Mi}, {@code 6G}; {@code m} is milli), Docker/compose
 * sizes ({@code 6g}, {@code 6gb}, {@code 512m}: every unit is binary, a bare number is bytes) and Redis
 * ({@code 6gb} is binary but {@code 6g} is 10^9, as redis.conf documents).
 */
final class Sizes {

    private static final Pattern KUBERNETES = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)(?:[eE]([0-9]+))?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?");
    private static final Pattern DOCKER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?([kmgtp])?i?b?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REDIS = Pattern.compile("([0-9]+)(k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /**
     * Bytes of {@code text} in {@code style} ({@code kubernetes}, {@code docker} or {@code redis}); -1 when unreadable.
     */
    static long bytes(String text, String style) {
        String t = text.strip();
        return switch (style) {
            case "kubernetes" -> kubernetes(t);
            case "docker", "compose" -> docker(t);
            case "redis" -> redis(t);
            default -> throw new IllegalArgumentException(
                    "unknown size style '" + style + "' (kubernetes, docker or redis)");
        };
    }

    private static long kubernetes(String t) {
        Matcher m = KUBERNETES.matcher(t);
        if (!m.matches()) {
            return -1;
        }
        BigDecimal n = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            String exponent = m.group(2).replaceFirst("^0+(?=.)", "");
            if (exponent.length() > 9) {
                // Beyond an int parseInt would throw; any such non-zero size is beyond a long (clamped) anyway.
                return n.signum() == 0 ? 0 : Long.MAX_VALUE;
            }
            n = n.scaleByPowerOfTen(Integer.parseInt(exponent));
        }
        String unit = m.group(3) == null ? "" : m.group(3);
        BigDecimal factor = switch (unit) {
            case "Ki" -> pow(1024, 1);
            case "Mi" -> pow(1024, 2);
            case "Gi" -> pow(1024, 3);
            case "Ti" -> pow(1024, 4);
            case "Pi" -> pow(1024, 5);
            case "Ei" -> pow(1024, 6);
            case "k" -> pow(1000, 1);
            case "M" -> pow(1000, 2);
            case "G" -> pow(1000, 3);
            case "T" -> pow(1000, 4);
            case "P" -> pow(1000, 5);
            case "E" -> pow(1000, 6);
            case "m" -> new BigDecimal("0.001");
            default -> BigDecimal.ONE;
        };
        return clamp(n.multiply(factor));
    }

    private static long docker(String t) {
        Matcher m = DOCKER.matcher(t);
        if (!m.matches()) {
            return -1;
        }
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        return clamp(new BigDecimal(m.group(1)).multiply(pow(1024, power)));
    }

    private static long redis(String t) {
        Matcher m = REDIS.matcher(t);
        if (!m.matches()) {
            return -1;
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal factor = switch (unit) {
            case "k" -> pow(1000, 1);
            case "kb" -> pow(1024, 1);
            case "m" -> pow(1000, 2);
            case "mb" -> pow(1024, 2);
            case "g" -> pow(1000, 3);
            case "gb" -> pow(1024, 3);
            default -> BigDecimal.ONE;
        };
        return clamp(new BigDecimal(m.group(1)).multiply(factor));
    }

    private static BigDecimal pow(int base, int exponent) {
        return BigDecimal.valueOf(base).pow(exponent);
    }

    private static long clamp(BigDecimal bytes) {
        return bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : bytes.longValue();
    }
}
