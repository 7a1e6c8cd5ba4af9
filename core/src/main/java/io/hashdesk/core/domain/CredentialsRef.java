package io.hashdesk.core.domain;

/**
 * A pointer to a miner's credentials in the encrypted credential vault. It holds no secret itself,
 * so miner records can be logged, exported and shown without leaking passwords.
 */
public record CredentialsRef(String id) {

    public CredentialsRef {
        id = Names.requireId(id, "credentials reference");
    }
}
