package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A unit's assessment guidance (評量設計參考): key evidence aspects (評量之關鍵面向), contexts and resources
 * (評量所需情境與特定資源) and assessment methods (評量方法). Empty lists for standards and models.
 */
@Serdeable
public record Assessment(List<String> evidenceAspects, List<String> contexts, List<String> methods) {

    public static Assessment none() {
        return new Assessment(List.of(), List.of(), List.of());
    }
}
