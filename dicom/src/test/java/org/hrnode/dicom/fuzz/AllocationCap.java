package org.hrnode.dicom.fuzz;

/**
 * The most one input may make a target allocate: a multiple of its length plus a fixed allowance. A parser that
 * trusts a corrupt length allocates what the length says, not what arrived, and breaks this at once; one that
 * allocates a little per element stays far below it.
 *
 * @param perInputByte bytes allowed per input byte
 * @param base fixed allowance: read buffers, the dictionary's first use, exception stack traces
 */
record AllocationCap(long perInputByte, long base) {

    long forInput(int length) {
        return perInputByte * length + base;
    }
}
