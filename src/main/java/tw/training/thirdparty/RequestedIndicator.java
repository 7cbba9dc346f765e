package tw.training.thirdparty;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** An indicator a request asks about, by its plan id ({@code KPS5294-001v4:P1.1.1}) and row id. */
@MappedEntity("third_party_request_indicator")
record RequestedIndicator(@EmbeddedId Key key, String planId) {

    @Embeddable
    record Key(@MappedProperty("third_party_request_id") long requestId, @MappedProperty("indicator_id") long indicatorId) {
    }
}
