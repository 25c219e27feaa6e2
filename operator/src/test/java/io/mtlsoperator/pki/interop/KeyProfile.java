package io.mtlsoperator.pki.interop;

import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeySpec;

/** The key algorithms of the interop matrix; every certificate of a hierarchy uses the same one. */
enum KeyProfile {
    EC_P256(new KeySpec(KeyAlgorithm.ECDSA, 256)),
    EC_P384(new KeySpec(KeyAlgorithm.ECDSA, 384)),
    RSA_2048(new KeySpec(KeyAlgorithm.RSA, 2048)),
    RSA_3072(new KeySpec(KeyAlgorithm.RSA, 3072)),
    RSA_4096(new KeySpec(KeyAlgorithm.RSA, 4096)),
    ED25519(new KeySpec(KeyAlgorithm.ED25519, 0));

    private final KeySpec keySpec;

    KeyProfile(KeySpec keySpec) {
        this.keySpec = keySpec;
    }

    KeySpec keySpec() {
        return keySpec;
    }
}
