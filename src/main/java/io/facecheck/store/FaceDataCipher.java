package io.facecheck.store;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Encrypts face data (templates and face crops) before it reaches any store, H2 or a server: AES-256-GCM with a
 * fresh random 12-byte nonce per record and the record's table and id as associated data, so a record copied onto
 * another row does not decrypt. A sealed record is
 * <pre>
 *   'F' 'C' 'E' version(1) | key id (8 bytes) | nonce (12 bytes) | ciphertext | GCM tag (16 bytes)
 * </pre>
 * The header (magic, version, key id) is authenticated too. The key id is the first 8 bytes of SHA-256 over a label
 * and the key, so it names the key without revealing it; it lets several keys be available at once (during a key
 * rotation) and says which key a record needs. A record that does not decrypt (wrong key, missing key, tampered
 * bytes) is an error, never garbage.
 */
public final class FaceDataCipher {
    /** Magic and format version at the start of every sealed record. */
    static final byte[] MAGIC = {'F', 'C', 'E', 1};
    static final int KEY_ID_BYTES = 8;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, initialised afresh for every record: looking a cipher up and expanding the
     * AES key cost more than sealing or opening a template, and a reused cipher keeps its key schedule while the
     * key stays the same (a kiosk opens 100k templates at its start).
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    });

    private final FaceKeys keys;

    public FaceDataCipher(FaceKeys keys) {
        this.keys = keys;
    }

    /** The keys this cipher uses (for the key id it writes with and where they come from). */
    public FaceKeys keys() {
        return keys;
    }

    /** Encrypts {@code plain} for record {@code id} of {@code table} under the current write key. */
    public byte[] seal(String table, long id, byte[] plain) {
        FaceKeys.Key key = keys.writeKey();
        byte[] out = new byte[HEADER_BYTES + plain.length + TAG_BITS / 8];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(key.idBytes(), 0, out, MAGIC.length, KEY_ID_BYTES);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, MAGIC.length + KEY_ID_BYTES, NONCE_BYTES);
        try {
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(out, table, id));
            c.doFinal(plain, 0, plain.length, out, HEADER_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Decrypts a record sealed by {@link #seal} for the same table and id.
     *
     * @throws StoreException {@link StoreException.Kind#KEY} when no key of this cipher opens it
     */
    public byte[] open(String table, long id, byte[] sealed) {
        if (!isSealed(sealed)) {
            throw keys.cannotDecrypt("record " + table + " " + id + " is not sealed");
        }
        String keyId = keyIdOf(sealed);
        FaceKeys.Key key = keys.find(keyId);
        if (key == null) {
            throw keys.cannotDecrypt("record " + table + " " + id + " needs key " + keyId);
        }
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length + KEY_ID_BYTES, NONCE_BYTES));
            c.updateAAD(aad(sealed, table, id));
            return c.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw keys.cannotDecrypt("record " + table + " " + id + " fails its integrity check");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Seals a template vector (float32, little-endian). */
    public byte[] sealVector(String table, long id, float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(vector);
        return seal(table, id, b.array());
    }

    /** Opens a template vector sealed by {@link #sealVector}. */
    public float[] openVector(String table, long id, byte[] sealed) {
        byte[] plain = open(table, id, sealed);
        float[] v = new float[plain.length / Float.BYTES];
        ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** Whether {@code bytes} starts like a sealed record (plain PNG and other legacy bytes do not). */
    public static boolean isSealed(byte[] bytes) {
        return bytes != null && bytes.length >= HEADER_BYTES + TAG_BITS / 8
                && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The key id (16 hex digits) a sealed record needs. */
    public static String keyIdOf(byte[] sealed) {
        return HexFormat.of().formatHex(sealed, MAGIC.length, MAGIC.length + KEY_ID_BYTES);
    }

    private static byte[] aad(byte[] header, String table, long id) {
        byte[] label = (table + ":" + id).getBytes(StandardCharsets.UTF_8);
        byte[] aad = new byte[MAGIC.length + KEY_ID_BYTES + label.length];
        System.arraycopy(header, 0, aad, 0, MAGIC.length + KEY_ID_BYTES);
        System.arraycopy(label, 0, aad, MAGIC.length + KEY_ID_BYTES, label.length);
        return aad;
    }
}
