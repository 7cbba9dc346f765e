package tw.training.web;

import tw.training.problem.ConfigurationProblem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}) of trusted proxies. Only
 * literal addresses: a host name would be looked up, and a setting that trusts must not depend on a name server.
 */
record AddressRange(byte[] network, int prefix) {

    static AddressRange parse(String text) {
        String[] parts = text.split("/", 2);
        byte[] network = literal(parts[0]).orElseThrow(() -> new ConfigurationProblem("APP_TRUSTED_PROXIES",
                "holds IP addresses or CIDR ranges, comma-separated; '" + text + "' is neither"));
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new ConfigurationProblem("APP_TRUSTED_PROXIES", "holds CIDR ranges whose prefix is 0 to " + bits + "; '" + text + "' is not");
        }
        return new AddressRange(network, prefix);
    }

    boolean contains(String address) {
        return literal(address).filter(bytes -> bytes.length == network.length).map(this::covers).orElse(false);
    }

    private boolean covers(byte[] address) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a literal IPv4 or IPv6 address; nothing for anything else (no name is ever looked up). */
    private static Optional<byte[]> literal(String text) {
        String value = text.strip();
        boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // a literal is parsed, never looked up; Java reads an IPv4-mapped address (::ffff:127.0.0.1) as the IPv4 one
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
