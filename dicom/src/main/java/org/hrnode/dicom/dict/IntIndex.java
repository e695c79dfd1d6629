package org.hrnode.dicom.dict;

import java.util.Arrays;

/**
 * Map from distinct int keys (tags) to their positions in an array, built once. Open addressing with Fibonacci
 * hashing and a load factor of at most one half: a lookup is a multiply and usually one probe, without the
 * boxing of a {@code HashMap<Integer, ...>}; it sits on the implicit-VR parse path.
 */
final class IntIndex {

    private static final int NOT_FOUND = -1;
    private static final int FIBONACCI_MULTIPLIER = 0x9E3779B9;
    private static final int SLOTS_PER_KEY = 2;
    private static final int INT_BITS = 32;

    private final int[] keys;
    private final int[] positions;
    private final int shift;
    private final int slotMask;

    /** Indexes {@code keys[i] -> i}; keys must be distinct. The capacity (at least 2) keeps the shift below 32. */
    IntIndex(int[] keys) {
        int capacity = Integer.highestOneBit(Math.max(1, keys.length) * SLOTS_PER_KEY - 1) << 1;
        this.keys = new int[capacity];
        this.positions = new int[capacity];
        this.shift = INT_BITS - Integer.numberOfTrailingZeros(capacity);
        this.slotMask = capacity - 1;
        Arrays.fill(positions, NOT_FOUND);
        for (int i = 0; i < keys.length; i++) {
            int slot = slotOf(keys[i]);
            while (positions[slot] != NOT_FOUND) {
                if (this.keys[slot] == keys[i]) {
                    throw new IllegalArgumentException("duplicate key " + Integer.toHexString(keys[i]));
                }
                slot = (slot + 1) & slotMask;
            }
            this.keys[slot] = keys[i];
            positions[slot] = i;
        }
    }

    /** The position of {@code key}, or -1 if it was not indexed. */
    int positionOf(int key) {
        for (int slot = slotOf(key); positions[slot] != NOT_FOUND; slot = (slot + 1) & slotMask) {
            if (keys[slot] == key) {
                return positions[slot];
            }
        }
        return NOT_FOUND;
    }

    private int slotOf(int key) {
        // The high bits of the product mix all bits of the key; tags differ mostly in their low bits.
        return (key * FIBONACCI_MULTIPLIER) >>> shift;
    }
}
