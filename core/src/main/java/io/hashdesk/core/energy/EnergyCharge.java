package io.hashdesk.core.energy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a tariff prices each kWh. In a tariff's JSON document the {@code type} field names the kind: {@code flat},
 * {@code time-of-use} or {@code market}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FlatPrice.class, name = "flat"),
    @JsonSubTypes.Type(value = TimeOfUse.class, name = "time-of-use"),
    @JsonSubTypes.Type(value = MarketPrice.class, name = "market")
})
public sealed interface EnergyCharge permits FlatPrice, TimeOfUse, MarketPrice {
}
