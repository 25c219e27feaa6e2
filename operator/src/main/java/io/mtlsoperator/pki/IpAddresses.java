package io.mtlsoperator.pki;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and formats IP addresses and CIDR ranges without touching the network. The JDK's
 * {@code InetAddress.getByName} may fall back to a DNS lookup on input that is not a literal,
 * and it turns IPv4-mapped IPv6 addresses into IPv4 ones, so neither is used here.
 */
final class IpAddresses {

    /** An address range: the network address and the mask, each 4 or 16 bytes. */
    record Range(byte[] address, byte[] mask, int prefixLength) {

        /** Returns the iPAddress name-constraint encoding: the address followed by the mask. */
        byte[] addressAndMask() {
            byte[] result = new byte[address.length * 2];
            System.arraycopy(address, 0, result, 0, address.length);
            System.arraycopy(mask, 0, result, address.length, mask.length);
            return result;
        }

        String canonical() {
            return format(address) + "/" + prefixLength;
        }
    }

    private IpAddresses() {
    }

    /** Returns the 4 or 16 bytes of an IPv4 or IPv6 literal. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new PkiException("the IP address is empty");
        }
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text, text);
    }

    /**
     * Returns the canonical form of an address for a SAN, rejecting IPv4-mapped IPv6 addresses.
     * Bouncy Castle 1.87, which checks name constraints before signing, let ::ffff:127.0.0.1 pass a
     * permitted 127.0.0.0/8. Go and OpenSSL compare a 16-byte address with IPv6 constraints only,
     * so peers could reject a certificate that the issuer accepted.
     */
    static String canonicalSanAddress(String text) {
        byte[] address = parse(text);
        if (isIpv4Mapped(address)) {
            throw invalid(text, "IPv4-mapped IPv6 addresses are ambiguous in certificates: write "
                    + formatIpv4(address, 12) + " instead");
        }
        return format(address);
    }

    /** Formats 4 bytes in dotted decimal and 16 bytes in the canonical text form of RFC 5952. */
    static String format(byte[] address) {
        if (address.length == 4) {
            return formatIpv4(address, 0);
        }
        if (address.length != 16) {
            throw new PkiException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return formatIpv6(address);
    }

    /** Parses a CIDR range such as 10.0.0.0/8 or fd00::/8, refusing host bits after the prefix. */
    static Range parseRange(String text) {
        if (text == null || text.isEmpty()) {
            throw new PkiException("the IP range is empty");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new PkiException("\"" + text + "\" is not in CIDR notation: write it as address/prefix-length, "
                    + "for example 10.0.0.0/8 or " + text + "/" + (text.indexOf(':') >= 0 ? 128 : 32));
        }
        byte[] address = parse(text.substring(0, slash));

        String prefixText = text.substring(slash + 1);
        int maxPrefix = address.length * 8;
        int prefixLength;
        if (!prefixText.matches("[0-9]{1,3}") || (prefixLength = Integer.parseInt(prefixText)) > maxPrefix) {
            throw new PkiException("\"" + text + "\" has an invalid prefix length: use 0 to " + maxPrefix);
        }

        byte[] mask = new byte[address.length];
        for (int bit = 0; bit < prefixLength; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        for (int i = 0; i < address.length; i++) {
            if ((address[i] & ~mask[i]) != 0) {
                byte[] network = new byte[address.length];
                for (int j = 0; j < address.length; j++) {
                    network[j] = (byte) (address[j] & mask[j]);
                }
                throw new PkiException("\"" + text + "\" has host bits set after the prefix: did you mean "
                        + format(network) + "/" + prefixLength + "?");
            }
        }
        return new Range(address, mask, prefixLength);
    }

    private static byte[] parseIpv4(String text, String whole) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(whole, "an IPv4 address has four decimal parts separated by dots");
        }
        byte[] result = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // Leading zeros are refused because some parsers read them as octal.
            if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
                throw invalid(whole, "\"" + part + "\" is not a number from 0 to 255 without leading zeros");
            }
            result[i] = (byte) Integer.parseInt(part);
        }
        return result;
    }

    private static byte[] parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            throw invalid(text, "zone IDs (%...) are not allowed in certificates");
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalid(text, "\"::\" may appear only once");
        }

        List<Integer> head;
        List<Integer> tail;
        if (doubleColon >= 0) {
            head = parseGroups(text.substring(0, doubleColon), text, false);
            tail = parseGroups(text.substring(doubleColon + 2), text, true);
        } else {
            head = parseGroups(text, text, true);
            tail = List.of();
        }

        int groups = head.size() + tail.size();
        if (doubleColon < 0 && groups != 8) {
            throw invalid(text, "an IPv6 address without \"::\" has eight groups");
        }
        if (doubleColon >= 0 && groups > 7) {
            throw invalid(text, "\"::\" must stand for at least one group of zeros");
        }

        byte[] result = new byte[16];
        int index = 0;
        for (int group : head) {
            result[index++] = (byte) (group >>> 8);
            result[index++] = (byte) group;
        }
        index = 16 - tail.size() * 2;
        for (int group : tail) {
            result[index++] = (byte) (group >>> 8);
            result[index++] = (byte) group;
        }
        return result;
    }

    /** Parses colon-separated hex groups; the last may be a dotted IPv4 address when allowed. */
    private static List<Integer> parseGroups(String text, String whole, boolean ipv4TailAllowed) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ipv4TailAllowed && i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] ipv4 = parseIpv4(part, whole);
                groups.add(((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff));
                groups.add(((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff));
            } else if (part.matches("[0-9a-fA-F]{1,4}")) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                throw invalid(whole, "\"" + part + "\" is not a group of one to four hex digits");
            }
        }
        return groups;
    }

    private static String formatIpv4(byte[] address, int offset) {
        return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "."
                + (address[offset + 2] & 0xff) + "." + (address[offset + 3] & 0xff);
    }

    private static String formatIpv6(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        // RFC 5952 section 5: IPv4-mapped addresses keep their IPv4 part in dotted decimal.
        if (isIpv4Mapped(address)) {
            return "::ffff:" + formatIpv4(address, 12);
        }
        // RFC 5952 section 4.2: shorten the longest run of two or more zero groups, the first on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(byte[] address) {
        if (address.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static PkiException invalid(String text, String reason) {
        return new PkiException("\"" + text + "\" is not a valid IP address: " + reason);
    }
}
