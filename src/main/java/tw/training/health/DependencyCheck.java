package tw.training.health;

/**
 * How a feature tells the probe whether a dependency it owns answers (the evidence store, say): the probe calls
 * every such bean, so health needs to know nothing of the feature.
 */
public interface DependencyCheck {

    Dependency dependency();

    /** Returns when the dependency answers now; throws, saying why, when it does not. */
    void check() throws Exception;
}
