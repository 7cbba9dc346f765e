package tw.training.revision;

import org.junit.jupiter.api.Test;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.parsing.DocumentParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, acceptance 1: the crosswalk proposed from KPS5294-001v4 (the seed) to the revised KPS5294-001v5 of the test
 * resources, whose T2.3 was renamed, P2.3.1 reworded, P2.3.2 split into P2.3.2 and P2.3.3, P2.3.3 renumbered P2.3.4,
 * P2.3.4 removed and P2.3.5 added. What a reviewer would confirm is written out below; the proposal is held to it, and
 * its precision and recall against it are printed (and written in the README).
 */
class CrosswalkProposerTest {

    static CompetencyDocument v4() throws IOException {
        return new DocumentParser().parse(Files.readString(Path.of("seeds/000_8455bb19119e8168.txt")), null).document();
    }

    static CompetencyDocument v5() {
        return new DocumentParser().parse(RevisedStandard.text(), null).document();
    }

    /** The crosswalk a careful reviewer confirms, every line. */
    static Set<String> confirmed() {
        Set<String> lines = new HashSet<>();
        for (String task : List.of("T1.1", "T1.2", "T1.3", "T2.1", "T2.2", "T2.3", "T2.4", "T2.5")) {
            lines.add("TASK " + task + " EQUIVALENT " + task);
        }
        for (String indicator : List.of("P1.1.1", "P1.1.2", "P1.1.3", "P1.2.1", "P1.2.2", "P1.3.1", "P1.3.2", "P2.1.1", "P2.1.2", "P2.1.3",
                "P2.1.4", "P2.1.5", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.4.1", "P2.4.2", "P2.4.3", "P2.5.1", "P2.5.2", "P2.5.3")) {
            lines.add("INDICATOR " + indicator + " EQUIVALENT " + indicator);
        }
        lines.addAll(List.of("INDICATOR P2.3.2 PARTIAL P2.3.2", "INDICATOR P2.3.2 PARTIAL P2.3.3", "INDICATOR P2.3.3 EQUIVALENT P2.3.4",
                "INDICATOR P2.3.4 NONE -", "INDICATOR - NEW P2.3.5"));
        return lines;
    }

    static String line(CrosswalkProposer.Proposed p) {
        return p.kind() + " " + (p.from() == null ? "-" : p.from()) + " " + p.relation() + " " + (p.to() == null ? "-" : p.to());
    }

    @Test
    void theRevisedStandardsChangesAreFoundAndEverythingElseIsEquivalent() throws IOException {
        List<CrosswalkProposer.Proposed> proposal = CrosswalkProposer.propose(v4(), v5());
        Set<String> proposed = new HashSet<>(proposal.stream().map(CrosswalkProposerTest::line).toList());
        Set<String> expected = confirmed();
        Set<String> right = new HashSet<>(proposed);
        right.retainAll(expected);
        double precision = (double) right.size() / proposed.size();
        double recall = (double) right.size() / expected.size();
        System.out.printf("crosswalk proposal v4 → v5: %d lines proposed, %d expected, %d right: precision %.3f, recall %.3f%n",
                proposed.size(), expected.size(), right.size(), precision, recall);
        proposal.stream().filter(p -> p.relation() != Relation.EQUIVALENT || p.similarity() < 1)
                .forEach(p -> System.out.printf("  %s (%.2f)%n", line(p), p.similarity()));

        // the items the revision touched, each as a reviewer would have it
        for (String changed : List.of("TASK T2.3 EQUIVALENT T2.3", "INDICATOR P2.3.1 EQUIVALENT P2.3.1", "INDICATOR P2.3.2 PARTIAL P2.3.2",
                "INDICATOR P2.3.2 PARTIAL P2.3.3", "INDICATOR P2.3.3 EQUIVALENT P2.3.4", "INDICATOR P2.3.4 NONE -", "INDICATOR - NEW P2.3.5")) {
            assertTrue(proposed.contains(changed), changed + " in " + proposed);
        }
        assertEquals(expected, proposed);
    }

    /** The other way: two standards of different occupations share codes (T1.1, P1.1.1…) but not what they say. */
    @Test
    void unrelatedStandardsWithTheSameCodesAreNotEquivalent() throws IOException {
        CompetencyDocument tourism = new DocumentParser().parse(Files.readString(Path.of("seeds/001_2910f10425328c06.txt")), null).document();
        List<CrosswalkProposer.Proposed> proposal = CrosswalkProposer.propose(v4(), tourism);
        List<String> equivalent = proposal.stream().filter(p -> p.relation() == Relation.EQUIVALENT).map(CrosswalkProposerTest::line).toList();
        assertEquals(List.of(), equivalent);
        assertTrue(proposal.stream().anyMatch(p -> p.relation() == Relation.NEW) && proposal.stream().anyMatch(p -> p.relation() == Relation.NONE));
    }

    @Test
    void similarityIsTheShareOfTwoCharacterSequencesInCommonAfterNormalising() {
        assertEquals(1.0, TextSimilarity.of("處理客訴。", "處理客訴"));
        assertEquals(1.0, TextSimilarity.of("ＡＢＣ １２", "abc12"), "full-width folded, case and spaces ignored");
        // 處理 理客 客訴 against 處理 理顧 顧客 客抱 抱怨: one bigram of eight in common, twice
        assertEquals(2.0 / 8, TextSimilarity.of("處理客訴", "處理顧客抱怨"), 1e-9);
        assertEquals(0.0, TextSimilarity.of("行銷", "客訴"));
    }
}
