package tw.training.transparency;

import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The sequencer's turn signs a checkpoint once N leaves wait for one, and not before. */
class CheckpointerTest {

    @Test
    void aCheckpointIsSignedEveryNLeaves() {
        TransparencyLog log = mock(TransparencyLog.class);
        Checkpointer checkpointer = new Checkpointer(log, 5);
        when(log.unsigned()).thenReturn(4L);
        checkpointer.integrateQueued();
        verify(log).integrateAll();
        verify(log, never()).checkpoint();
        when(log.unsigned()).thenReturn(5L);
        checkpointer.integrateQueued();
        verify(log).checkpoint();
    }
}
