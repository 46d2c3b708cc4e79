package dev.tollgate.parse.terraform;

import dev.tollgate.model.Unknown;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Terraform's cidrsubnet, cidrsubnets, cidrhost and cidrnetmask, as its {@code ipaddr} package and go-cidr compute
 * them: a prefix's host bits are dropped ({@code 10.1.2.3/16} is {@code 10.1.0.0/16}), IPv4 octets may have leading
 * zeros, and IPv6 results are written as Go writes them (lowercase, the longest run of two or more zero groups as
 * {@code ::}). Addresses are BigIntegers of 32 or 128 bits.
 *
 * <p>Why here at all: VPC modules number their subnets with these functions, and a {@code for_each} keyed by a
 * subnet's CIDR judged every instance as one ({@code [*]}) while they were unknown. A case whose result Go would write
 * differently (an IPv4-mapped IPv6 prefix) or that Terraform might read otherwise (a negative or fractional number)
 * is an unknown value, never a guess.
 */
final class Cidr {

    private record Prefix(BigInteger network, int length, int width) {
        BigInteger hostCount() {
            return BigInteger.ONE.shiftLeft(width - length);
        }
    }

    private static final BigInteger MAPPED_PREFIX = BigInteger.valueOf(0xffffL).shiftLeft(32);

    private Cidr() {
    }

    /** cidrsubnet(prefix, newbits, netnum): the netnum-th subnet whose prefix is newbits longer. */
    static Object subnet(String prefix, BigDecimal newbits, BigDecimal netnum, String raw) {
        Prefix p = parse(prefix, "cidrsubnet");
        Integer bits = smallInt(newbits);
        BigInteger num = bigInt(netnum);
        if (bits == null || num == null || unwritable(p)) {
            return new Unknown(raw);
        }
        int length = p.length() + bits;
        if (length > p.width()) {
            throw new EvalException("cidrsubnet: insufficient address space to extend prefix of " + p.length()
                    + " by " + bits);
        }
        if (num.bitLength() > bits) {
            throw new EvalException("cidrsubnet: prefix extension of " + bits
                    + " does not accommodate a subnet numbered " + num);
        }
        BigInteger network = p.network().or(num.shiftLeft(p.width() - length));
        return address(network, p.width()) + "/" + length;
    }

    /**
     * cidrsubnets(prefix, newbits...): consecutive subnets, each {@code newbits} longer than the prefix and starting
     * right after the previous one, aligned to its own size; go-cidr's PreviousSubnet/NextSubnet, as Terraform calls
     * them. A subnet that would leave the prefix is an error, as there; so is any subnet of {@code 0.0.0.0/0} or
     * {@code ::/0}, whose block "before" wraps around to itself.
     */
    static Object subnets(String prefix, List<BigDecimal> newbits, String raw) {
        Prefix p = parse(prefix, "cidrsubnets");
        if (unwritable(p) || newbits.stream().anyMatch(n -> n.stripTrailingZeros().scale() > 0)) {
            return new Unknown(raw);
        }
        BigInteger all = BigInteger.ONE.shiftLeft(p.width());
        // The block of the prefix's own size just before it (wrapping below zero), so the first subnet is its start.
        BigInteger current = p.network().subtract(p.hostCount()).mod(all);
        int currentLength = p.length();
        List<Object> out = new ArrayList<>();
        for (BigDecimal n : newbits) {
            if (n.signum() <= 0) {
                throw new EvalException("cidrsubnets: must extend prefix by at least one bit");
            }
            if (n.compareTo(BigDecimal.valueOf(32)) > 0) {
                throw new EvalException("cidrsubnets: may not extend prefix by more than 32 bits");
            }
            int bits = n.intValue();
            int length = p.length() + bits;
            if (length > p.width()) {
                throw new EvalException("cidrsubnets: would extend prefix to " + length + " bits, which is too long"
                        + " for an IPv" + (p.width() == 32 ? 4 : 6) + " address");
            }
            BigInteger lastOfCurrent = current.or(ones(p.width() - currentLength));
            BigInteger aligned = lastOfCurrent.andNot(ones(p.width() - length));
            BigInteger next = aligned.or(ones(p.width() - length)).add(BigInteger.ONE).mod(all);
            if (next.signum() == 0 || !next.shiftRight(p.width() - p.length())
                    .equals(p.network().shiftRight(p.width() - p.length()))) {
                throw new EvalException("cidrsubnets: not enough remaining address space for a subnet with a prefix"
                        + " of " + length + " bits after " + address(current, p.width()) + "/" + currentLength);
            }
            current = next;
            currentLength = length;
            out.add(address(current, p.width()) + "/" + length);
        }
        return out;
    }

    private static BigInteger ones(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    /** cidrhost(prefix, hostnum): the hostnum-th address of the prefix, counted from its end when negative. */
    static Object host(String prefix, BigDecimal hostnum, String raw) {
        Prefix p = parse(prefix, "cidrhost");
        BigInteger num = hostnum.stripTrailingZeros().scale() > 0 ? null : hostnum.toBigInteger();
        if (num == null || unwritable(p)) {
            return new Unknown(raw);
        }
        BigInteger n = num.signum() < 0 ? p.hostCount().add(num) : num;
        if (n.signum() < 0 || n.compareTo(p.hostCount()) >= 0) {
            throw new EvalException("cidrhost: prefix of " + p.length() + " does not accommodate a host numbered "
                    + num);
        }
        return address(p.network().or(n), p.width());
    }

    /** cidrnetmask(prefix): the IPv4 netmask in dotted form; IPv6 has none. */
    static Object netmask(String prefix) {
        Prefix p = parse(prefix, "cidrnetmask");
        if (p.width() != 32) {
            throw new EvalException("cidrnetmask: IPv6 addresses cannot have a netmask: " + prefix);
        }
        BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
        return address(all.xor(p.hostCount().subtract(BigInteger.ONE)), 32);
    }

    /** Go writes an IPv6 address in ::ffff:0:0/96 as IPv4: not reproduced, so its results stay unknown. */
    private static boolean unwritable(Prefix p) {
        return p.width() == 128 && p.network().shiftRight(32).equals(MAPPED_PREFIX.shiftRight(32));
    }

    private static Prefix parse(String cidr, String function) {
        int slash = cidr.indexOf('/');
        BigInteger address = slash < 0 ? null
                : cidr.indexOf(':') >= 0 ? ipv6(cidr.substring(0, slash)) : ipv4(cidr.substring(0, slash));
        int width = cidr.indexOf(':') >= 0 ? 128 : 32;
        Integer length = address == null ? null : decimal(cidr.substring(slash + 1), width);
        if (length == null) {
            throw new EvalException(function + ": invalid CIDR expression: " + cidr);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
        return new Prefix(address.andNot(hostMask), length, width);
    }

    /** A decimal (leading zeros allowed) in [0, max], as Go's dtoi reads a prefix length or an octet; else null. */
    private static Integer decimal(String s, int max) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int n = Integer.parseInt(s);
        return n <= max ? n : null;
    }

    private static BigInteger ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long v = 0;
        for (String part : parts) {
            Integer octet = decimal(part, 255);
            if (octet == null) {
                return null;
            }
            v = v << 8 | octet;
        }
        return BigInteger.valueOf(v);
    }

    /** RFC 4291 text: hex groups, one {@code ::}, and an IPv4 tail; null when it is not that. */
    private static BigInteger ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        BigInteger[] head = groups(gap < 0 ? s : s.substring(0, gap));
        BigInteger[] tail = gap < 0 ? new BigInteger[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        BigInteger v = BigInteger.ZERO;
        for (BigInteger g : head) {
            v = v.shiftLeft(16).or(g);
        }
        v = v.shiftLeft(16 * (8 - total));
        for (BigInteger g : tail) {
            v = v.shiftLeft(16).or(g);
        }
        return v;
    }

    /** The 16-bit groups of one side of {@code ::} (an IPv4 tail counts as two); empty for ""; null if invalid. */
    private static BigInteger[] groups(String s) {
        if (s.isEmpty()) {
            return new BigInteger[0];
        }
        String[] parts = s.split(":", -1);
        int last = parts.length - 1;
        boolean v4 = parts[last].indexOf('.') >= 0;
        BigInteger[] out = new BigInteger[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (i == last && v4) {
                BigInteger four = ipv4(parts[i]);
                if (four == null) {
                    return null;
                }
                out[i] = four.shiftRight(16);
                out[i + 1] = four.and(BigInteger.valueOf(0xffff));
            } else if (parts[i].isEmpty() || parts[i].length() > 4
                    || !parts[i].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            } else {
                out[i] = new BigInteger(parts[i], 16);
            }
        }
        return out;
    }

    /** Go's IP.String: dotted IPv4, or IPv6 with the first longest run of two or more zero groups as {@code ::}. */
    private static String address(BigInteger v, int width) {
        if (width == 32) {
            long x = v.longValue();
            return (x >> 24 & 0xff) + "." + (x >> 16 & 0xff) + "." + (x >> 8 & 0xff) + "." + (x & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = v.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    private static Integer smallInt(BigDecimal n) {
        BigInteger i = bigInt(n);
        return i == null || i.bitLength() > 16 ? null : i.intValue();
    }

    /** A whole, non-negative number; null otherwise (Terraform's reading of others is not reproduced). */
    private static BigInteger bigInt(BigDecimal n) {
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return n.toBigInteger();
    }
}
