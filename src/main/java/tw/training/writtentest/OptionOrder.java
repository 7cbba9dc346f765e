package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The options of a drawn item in the order its attempt shows them. A learner names an option by its place in that order
 * (1 the first shown), never by its authored position: authors put the right answer first by habit (GIFT does by
 * convention), so authored numbers would give the key away however the options were shuffled. The place in a uniform
 * shuffle says nothing; the server maps places back to authored positions, which is what answers are stored and scored in.
 */
record OptionOrder(List<Integer> authored) {

    static OptionOrder of(@Nullable String stored) {
        return new OptionOrder(Scoring.order(stored));
    }

    int size() {
        return authored.size();
    }

    /** The authored position of the option shown at {@code shownId}; null when the item shows no such option. */
    @Nullable Integer authored(int shownId) {
        return shownId < 1 || shownId > authored.size() ? null : authored.get(shownId - 1);
    }

    /** Where the option authored at {@code position} is shown. */
    int shown(int position) {
        return authored.indexOf(position) + 1;
    }

    /** Authored positions (as stored) to the ids the attempt shows, ascending; a position the item lacks is no choice. */
    List<Integer> shown(Set<Integer> positions) {
        return positions.stream().filter(authored::contains).map(this::shown).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
