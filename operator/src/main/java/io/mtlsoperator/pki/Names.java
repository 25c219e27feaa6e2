package io.mtlsoperator.pki;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Normalises the names that go into certificates, so that a name from a spec and the same
 * name read back from a certificate compare equal. Each method throws {@link PkiException}
 * with the reason when the input is not a valid name.
 */
public final class Names {

    private static final int MAX_DNS_NAME_LENGTH = 253;

    private Names() {
    }

    /**
     * Returns the DNS name in lower case, with internationalised labels in punycode (IDNA 2003,
     * as {@link IDN} implements it) and without a trailing dot. A wildcard is accepted only as
     * the whole left-most label of a name with at least one more label, as in {@code *.example.com}.
     */
    public static String normalizeDnsName(String name) {
        if (name == null || name.isEmpty()) {
            throw new PkiException("the DNS name is empty");
        }
        if (name.startsWith("*.")) {
            String rest = name.substring(2);
            if (rest.indexOf('*') >= 0) {
                throw invalidDnsName(name, "a wildcard '*' is allowed only as the whole left-most label, "
                        + "as in *.example.com");
            }
            return "*." + normalizeHostName(rest, name);
        }
        if (name.indexOf('*') >= 0) {
            throw invalidDnsName(name, "a wildcard '*' is allowed only as the whole left-most label, "
                    + "followed by at least one more label, as in *.example.com");
        }
        return normalizeHostName(name, name);
    }

    /**
     * Returns the canonical text form of an IPv4 or IPv6 address: dotted decimal, or the RFC 5952
     * form (lower case, leading zeros dropped, the longest run of zero groups shortened to "::").
     */
    public static String canonicalIpAddress(String ip) {
        return IpAddresses.format(IpAddresses.parse(ip));
    }

    /**
     * Returns the URI with its scheme and host in lower case. The URI must be absolute, as RFC 5280
     * requires for a uniformResourceIdentifier, and ASCII only, because the SAN stores it as an
     * IA5String: percent-encode anything else.
     */
    public static String normalizeUri(String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new PkiException("the URI is empty");
        }
        requirePrintableAscii(uri, "URI", ": only printable ASCII is allowed, so percent-encode other characters");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new PkiException("\"" + uri + "\" is not a valid URI: " + e.getReason());
        }
        if (parsed.getScheme() == null) {
            throw new PkiException("\"" + uri + "\" is not an absolute URI: it needs a scheme, "
                    + "as in spiffe://cluster.local/ns/default/sa/app");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        String rest = uri.substring(parsed.getScheme().length() + 1);
        if (rest.isEmpty()) {
            throw new PkiException("\"" + uri + "\" is not a valid URI: nothing follows the scheme");
        }
        if (parsed.getRawAuthority() != null && parsed.getHost() != null) {
            String authority = (parsed.getRawUserInfo() == null ? "" : parsed.getRawUserInfo() + "@")
                    + parsed.getHost().toLowerCase(Locale.ROOT)
                    + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
            rest = "//" + authority + rest.substring(2 + parsed.getRawAuthority().length());
        }
        return scheme + ":" + rest;
    }

    /**
     * Returns the e-mail address with its domain normalised as a DNS name. The local part keeps its
     * case, because it may be case-sensitive, and must be ASCII since the rfc822Name SAN is an IA5String.
     */
    public static String normalizeEmailAddress(String address) {
        if (address == null || address.isEmpty()) {
            throw new PkiException("the e-mail address is empty");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new PkiException("\"" + address + "\" is not a valid e-mail address: expected local-part@domain");
        }
        String localPart = address.substring(0, at);
        requirePrintableAscii(localPart, "e-mail local part", ": only printable ASCII is allowed");
        if (localPart.indexOf('@') >= 0) {
            throw new PkiException("\"" + address + "\" is not a valid e-mail address: it has more than one '@'");
        }
        String domain;
        try {
            domain = normalizeHostName(address.substring(at + 1), address.substring(at + 1));
        } catch (PkiException e) {
            throw new PkiException("\"" + address + "\" has an invalid domain: " + e.getMessage());
        }
        return localPart + "@" + domain;
    }

    /**
     * Returns a DNS or URI name-constraint domain in normal form. A leading dot is kept: for
     * OpenSSL, Go and Bouncy Castle ".example.com" means the subdomains only, while "example.com"
     * means the domain and its subdomains.
     */
    static String normalizeConstraintDomain(String domain) {
        if (domain == null || domain.isEmpty()) {
            throw new PkiException("the domain is empty");
        }
        if (domain.startsWith(".")) {
            return "." + normalizeHostName(domain.substring(1), domain);
        }
        return normalizeHostName(domain, domain);
    }

    /** Returns whether the text is an IPv4 or IPv6 literal. */
    static boolean isIpAddress(String text) {
        try {
            IpAddresses.parse(text);
            return true;
        } catch (PkiException e) {
            return false;
        }
    }

    private static String normalizeHostName(String name, String original) {
        String withoutRoot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (withoutRoot.isEmpty()) {
            throw invalidDnsName(original, "it has no label");
        }
        if (isIpAddress(withoutRoot)) {
            throw invalidDnsName(original, "it is an IP address: list it under IP addresses instead");
        }
        String ascii;
        try {
            // STD3 rules allow only letters, digits and hyphens, and no hyphen at either end of a label.
            ascii = IDN.toASCII(withoutRoot, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw invalidDnsName(original, describeIdnFailure(e));
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) {
            // IDN also accepts ideographic full stops, so a trailing one survives until here.
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw invalidDnsName(original, "it has an empty label");
            }
            if (label.length() > 63) {
                throw invalidDnsName(original, "the label \"" + label + "\" is longer than 63 characters");
            }
        }
        if (ascii.length() > MAX_DNS_NAME_LENGTH) {
            throw invalidDnsName(original, "it is longer than " + MAX_DNS_NAME_LENGTH + " characters");
        }
        return ascii;
    }

    private static String describeIdnFailure(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("non-LDH")) {
            return "only letters, digits, hyphens and dots are allowed";
        }
        if (message.contains("hyphen")) {
            return "a label must not start or end with a hyphen";
        }
        if (message.contains("Empty label")) {
            return "it has an empty label";
        }
        if (message.contains("too long")) {
            return "a label is longer than 63 characters";
        }
        return "it cannot be converted to punycode (" + message + ")";
    }

    private static void requirePrintableAscii(String value, String kind, String rule) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new PkiException("the " + kind + " \"" + value + "\" contains "
                        + describeCharacter(c) + rule);
            }
        }
    }

    private static String describeCharacter(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f) {
            return "a control character";
        }
        return "the non-ASCII character '" + c + "'";
    }

    private static PkiException invalidDnsName(String name, String reason) {
        return new PkiException("\"" + name + "\" is not a valid DNS name: " + reason);
    }
}
