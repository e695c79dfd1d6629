package org.hrnode.dicom.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hrnode.dicom.data.VR;

/**
 * The mutation operators. Most are blind byte edits; the structure-aware ones find explicit VR element headers
 * (a known VR code at bytes 4–5) so that length fields, VR codes and item tags are hit far more often than chance
 * would hit them, which is where a DICOM parser's hostile-input bugs live.
 */
enum Mutation {

    /** Flips one to eight single bits. */
    BIT_FLIPS {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            byte[] out = in.clone();
            int flips = 1 + rnd.nextInt(MAX_BIT_FLIPS);
            for (int i = 0; i < flips && out.length > 0; i++) {
                out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(Byte.SIZE));
            }
            return out;
        }
    },
    /** Sets one to four bytes to values at the edges of the signed and unsigned byte ranges. */
    INTERESTING_BYTES {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            byte[] out = in.clone();
            int count = 1 + rnd.nextInt(MAX_INTERESTING_BYTES);
            for (int i = 0; i < count && out.length > 0; i++) {
                out[rnd.nextInt(out.length)] = INTERESTING_BYTE_VALUES[rnd.nextInt(INTERESTING_BYTE_VALUES.length)];
            }
            return out;
        }
    },
    /** Inserts a run of random bytes or of one repeated interesting byte. */
    INSERT_RUN {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            byte[] run = new byte[1 + rnd.nextInt(MAX_RUN)];
            if (rnd.nextBoolean()) {
                rnd.nextBytes(run);
            } else {
                Arrays.fill(run, INTERESTING_BYTE_VALUES[rnd.nextInt(INTERESTING_BYTE_VALUES.length)]);
            }
            return ByteEdits.insert(in, position(in, rnd), run);
        }
    },
    DELETE_RUN {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            return ByteEdits.delete(in, position(in, rnd), 1 + rnd.nextInt(MAX_DELETE));
        }
    },
    /** Overwrites a value length, preferably the one of a real element header, with a troublesome length. */
    LENGTH_FIELD {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            boolean bigEndian = rnd.nextInt(BIG_ENDIAN_ODDS) == 0;
            int header = ElementHeaders.findExplicit(in, rnd);
            if (header >= 0 && !ElementHeaders.hasLongLength(in, header)) {
                int at = header + ElementHeaders.SHORT_LENGTH_OFFSET;
                return ByteEdits.overwrite(in, at, ByteEdits.u16(InterestingLengths.pick16(in.length - at, rnd),
                        bigEndian));
            }
            int at = header >= 0 ? header + ElementHeaders.LONG_LENGTH_OFFSET
                    : ElementHeaders.evenPosition(in, rnd) + ElementHeaders.IMPLICIT_LENGTH_OFFSET;
            int remaining = Math.max(0, in.length - at - Integer.BYTES);
            return ByteEdits.overwrite(in, Math.min(at, in.length),
                    ByteEdits.u32(InterestingLengths.pick32(in.length, remaining, rnd), bigEndian));
        }
    },
    /**
     * Copies a chunk of the input to another place in it; half the time a whole element to an element boundary,
     * which keeps the framing intact and yields duplicate and out-of-order tags.
     */
    DUPLICATE_CHUNK {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            if (rnd.nextBoolean()) {
                return ByteEdits.insert(in, ElementHeaders.elementBoundary(in, rnd),
                        ElementHeaders.wholeElement(in, rnd));
            }
            return ByteEdits.insert(in, position(in, rnd), chunkOf(in, rnd));
        }
    },
    /**
     * Brings in bytes of another seed: a whole element at an element boundary (real structure from another
     * encoder, perhaps in another syntax), or an arbitrary chunk inserted or written over the input anywhere.
     */
    SPLICE_FROM_OTHER_SEED {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            byte[] other = corpus.seed(rnd.nextInt(corpus.size())).bytes();
            return switch (rnd.nextInt(SPLICE_KINDS)) {
                case 0 -> ByteEdits.insert(in, ElementHeaders.elementBoundary(in, rnd),
                        ElementHeaders.wholeElement(other, rnd));
                case 1 -> ByteEdits.insert(in, position(in, rnd), chunkOf(other, rnd));
                default -> ByteEdits.overwrite(in, position(in, rnd), chunkOf(other, rnd));
            };
        }
    },
    TRUNCATE {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            return Arrays.copyOf(in, position(in, rnd));
        }
    },
    /** Replaces the VR of an explicit header with another VR (changing the header's shape) or with junk. */
    VR_SWAP {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            int header = ElementHeaders.findExplicit(in, rnd);
            int at = header >= 0 ? header + ElementHeaders.VR_OFFSET : ElementHeaders.evenPosition(in, rnd);
            byte[] code = rnd.nextInt(INVALID_VR_ODDS) == 0 ? INVALID_VR_CODES[rnd.nextInt(INVALID_VR_CODES.length)]
                    : ByteEdits.u16(VR.values()[rnd.nextInt(VR.values().length)].code(), true);
            return ByteEdits.overwrite(in, Math.min(at, in.length), code);
        }
    },
    /** Inserts or writes an item, item delimiter or sequence delimiter header where none belongs. */
    ITEM_TAG_INJECTION {
        @Override
        byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus) {
            boolean bigEndian = rnd.nextInt(BIG_ENDIAN_ODDS) == 0;
            int element = ITEM_ELEMENTS[rnd.nextInt(ITEM_ELEMENTS.length)];
            byte[] header = new byte[ElementHeaders.ITEM_HEADER_LENGTH];
            System.arraycopy(ByteEdits.u16(ITEM_GROUP, bigEndian), 0, header, 0, Short.BYTES);
            System.arraycopy(ByteEdits.u16(element, bigEndian), 0, header, Short.BYTES, Short.BYTES);
            int length = InterestingLengths.pick32(in.length, Math.max(0, in.length / 2), rnd);
            System.arraycopy(ByteEdits.u32(length, bigEndian), 0, header, Integer.BYTES, Integer.BYTES);
            int at = ElementHeaders.evenPosition(in, rnd);
            return rnd.nextBoolean() ? ByteEdits.insert(in, at, header) : ByteEdits.overwrite(in, at, header);
        }
    };

    private static final int MAX_BIT_FLIPS = 8;
    private static final int MAX_INTERESTING_BYTES = 4;
    private static final int MAX_RUN = 64;
    private static final int MAX_DELETE = 256;
    private static final int MAX_CHUNK = 1024;
    /** One length in this many is written big endian, to hit Explicit VR Big Endian seeds too. */
    private static final int BIG_ENDIAN_ODDS = 6;
    private static final int INVALID_VR_ODDS = 4;
    /** Whole element at a boundary, chunk inserted, chunk written over. */
    private static final int SPLICE_KINDS = 3;
    private static final int ITEM_GROUP = 0xFFFE;
    /** Item, Item Delimitation Item, Sequence Delimitation Item. */
    private static final int[] ITEM_ELEMENTS = {0xE000, 0xE00D, 0xE0DD};
    private static final byte[] INTERESTING_BYTE_VALUES = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80};
    private static final byte[][] INVALID_VR_CODES = {{0, 0}, {'o', 'b'}, {'Z', 'Z'}, {(byte) 0xFF, (byte) 0xFF},
        {' ', ' '}};

    abstract byte[] apply(byte[] in, SplittableRandom rnd, SeedCorpus corpus);

    /** A position from 0 to the length inclusive: inserting at the end is as interesting as anywhere. */
    private static int position(byte[] in, SplittableRandom rnd) {
        return rnd.nextInt(in.length + 1);
    }

    private static byte[] chunkOf(byte[] source, SplittableRandom rnd) {
        if (source.length == 0) {
            return source;
        }
        int start = rnd.nextInt(source.length);
        int length = 1 + rnd.nextInt(Math.min(MAX_CHUNK, source.length - start));
        return Arrays.copyOfRange(source, start, start + length);
    }
}
