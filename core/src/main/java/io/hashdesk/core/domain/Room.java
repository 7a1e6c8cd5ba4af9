package io.hashdesk.core.domain;

/** A room or container within a site; miners in one room share air, so peers are compared per room. */
public record Room(String id, String siteId, String name) {

    public Room {
        id = Names.requireId(id, "room id");
        siteId = Names.requireId(siteId, "site id");
        name = Names.requireText(name, "room name");
    }
}
