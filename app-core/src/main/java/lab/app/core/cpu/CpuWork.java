package lab.app.core.cpu;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** CPU-bound work with no I/O: SHA-256 chained {@code rounds} times over a 64-byte block. */
public final class CpuWork {

    /** One SHA-256 input block. */
    static final int BLOCK_BYTES = 64;

    private CpuWork() {}

    /** @return the last digest, so the JIT cannot drop the work */
    public static byte[] sha256Chain(int rounds) {
        MessageDigest sha256 = newSha256();
        byte[] block = new byte[BLOCK_BYTES];
        byte[] digest = new byte[0];
        for (int round = 0; round < rounds; round++) {
            digest = sha256.digest(block);
            // Feed the digest back in so every round depends on the previous one.
            System.arraycopy(digest, 0, block, 0, digest.length);
        }
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }
}
