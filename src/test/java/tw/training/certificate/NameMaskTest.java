package tw.training.certificate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameMaskTest {

    @Test
    void keepsTheFirstAndLastCharacterOfEachPart() {
        assertEquals("王*明", NameMask.mask("王小明"));
        assertEquals("歐**華", NameMask.mask("歐陽美華"));
        assertEquals("林*", NameMask.mask("林一"));
        assertEquals("A***e C**n", NameMask.mask("Alice  Chen"));
        assertEquals("X", NameMask.mask(" X "));
    }

    @Test
    void masksCharactersOutsideTheBasicPlaneWhole() {
        assertEquals("𠀋*𠀋", NameMask.mask("𠀋中𠀋"));
    }
}
