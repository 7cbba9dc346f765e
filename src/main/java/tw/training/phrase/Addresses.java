package tw.training.phrase;

import java.util.Set;

/**
 * A client's address as a person reads it: the IPv6 loopback (which Java writes 0:0:0:0:0:0:0:1, what a browser on the
 * server's own machine comes from) in words, any other as it is.
 */
public final class Addresses {

    private static final Set<String> THIS_COMPUTER = Set.of("0:0:0:0:0:0:0:1", "::1");

    private Addresses() {
    }

    /** "this computer" for the IPv6 loopback, else the address. */
    public static Object word(String address) {
        return THIS_COMPUTER.contains(address) ? Phrase.of("address.this-computer") : address;
    }
}
