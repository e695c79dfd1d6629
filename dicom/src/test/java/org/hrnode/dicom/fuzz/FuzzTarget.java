package org.hrnode.dicom.fuzz;

/**
 * One parser entry point under fuzzing. It returns normally for input it accepts and throws
 * {@link org.hrnode.dicom.io.DicomParseException} for input it rejects; anything else it throws is a bug, and so is
 * an {@link AssertionError} from a target that checks what it parsed.
 */
@FunctionalInterface
interface FuzzTarget {
    void accept(byte[] input) throws Exception;
}
