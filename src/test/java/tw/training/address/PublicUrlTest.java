package tw.training.address;

import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import tw.training.problem.ConfigurationProblem;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Where the printed address comes from (issue 30, point 7). */
class PublicUrlTest {

    private static final String H2 = "jdbc:h2:file:./data/competency";
    private static final String POSTGRES = "jdbc:postgresql://db/competency";

    @Test
    void onTheEmbeddedDefaultItIsThisMachineAtThePortGiven() {
        assertEquals("http://localhost:18093", new PublicUrl(null, H2, 18093, server()).value());
        assertEquals("http://localhost:8080", new PublicUrl("", H2, -1, server()).value(), "a random port cannot be printed: the default");
    }

    @Test
    void aConfiguredAddressWinsWithoutItsTrailingSlash() {
        assertEquals("https://training.example.org/competency", new PublicUrl("https://training.example.org/competency/", POSTGRES, 8080, server()).value());
    }

    @Test
    void aSharedDatabaseRequiresItForTheServerButNotForCommands() {
        assertEquals("APP_PUBLIC_URL", assertThrows(ConfigurationProblem.class, () -> new PublicUrl(null, POSTGRES, 8080, server())).setting());
        assertEquals("http://localhost:8080", new PublicUrl(null, POSTGRES, 8080, command()).value());
    }

    @Test
    void anAddressThatIsNoneIsRefused() {
        for (String wrong : new String[] {"training.example.org", "ftp://training.example.org", "https://training.example.org/?a=1", "http://"}) {
            assertEquals("APP_PUBLIC_URL", assertThrows(ConfigurationProblem.class, () -> new PublicUrl(wrong, H2, 8080, server())).setting(), wrong);
        }
    }

    private static Environment server() {
        Environment environment = mock(Environment.class);
        when(environment.getActiveNames()).thenReturn(Set.of());
        return environment;
    }

    private static Environment command() {
        Environment environment = mock(Environment.class);
        when(environment.getActiveNames()).thenReturn(Set.of(Environment.CLI));
        return environment;
    }
}
