package org.hrnode.dicom.codec.jpegls;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The part of CharLS 2.x's C API ({@code charls_jpegls_decoder.h}, {@code charls_jpegls_encoder.h}) that HR
 * Node uses, bound with the FFM API. Every call returns a {@code charls_jpegls_errc}; a non-zero one becomes a
 * {@link CharLsException} with CharLS's own message. Buffers live in a confined arena per call, so nothing leaks
 * and nothing is shared between threads.
 */
final class CharLs {

    /** {@code charls_frame_info}: width, height (uint32), bits_per_sample, component_count (int32). */
    static final StructLayout FRAME_INFO = MemoryLayout.structLayout(JAVA_INT.withName("width"),
            JAVA_INT.withName("height"), JAVA_INT.withName("bits_per_sample"), JAVA_INT.withName("component_count"));
    private static final VarHandle WIDTH = field("width");
    private static final VarHandle HEIGHT = field("height");
    private static final VarHandle BITS = field("bits_per_sample");
    private static final VarHandle COMPONENTS = field("component_count");

    /** {@code charls_jpegls_errc}: a byte other than 0xFF where CharLS expected a marker. */
    static final int ERRC_MARKER_START_BYTE_NOT_FOUND = 12;
    /** {@code charls_interleave_mode}. */
    static final int INTERLEAVE_NONE = 0;
    static final int INTERLEAVE_SAMPLE = 2;
    /** Stride 0: CharLS computes the tightly packed stride itself. */
    private static final int PACKED_STRIDE = 0;

    private final MethodHandle decoderCreate;
    private final MethodHandle decoderDestroy;
    private final MethodHandle decoderSetSource;
    private final MethodHandle decoderReadHeader;
    private final MethodHandle decoderFrameInfo;
    private final MethodHandle decoderNearLossless;
    private final MethodHandle decoderInterleaveMode;
    private final MethodHandle decoderDestinationSize;
    private final MethodHandle decoderDecode;
    private final MethodHandle encoderCreate;
    private final MethodHandle encoderDestroy;
    private final MethodHandle encoderSetFrameInfo;
    private final MethodHandle encoderSetNearLossless;
    private final MethodHandle encoderSetInterleaveMode;
    private final MethodHandle encoderEstimatedSize;
    private final MethodHandle encoderSetDestination;
    private final MethodHandle encoderEncode;
    private final MethodHandle encoderBytesWritten;
    private final MethodHandle errorMessage;

    /** What a JPEG-LS stream's header says. */
    record StreamInfo(int width, int height, int bitsPerSample, int components, int nearLossless,
            int interleaveMode) {
    }

    /** A decoded stream: its header and the samples, {@code bitsPerSample <= 8 ? 1 : 2} bytes each, little endian. */
    record Decoded(StreamInfo info, byte[] samples) {
    }

    CharLs(SymbolLookup symbols) {
        Linker linker = Linker.nativeLinker();
        Binder b = new Binder(symbols, linker);
        decoderCreate = b.bind("charls_jpegls_decoder_create", FunctionDescriptor.of(ADDRESS));
        decoderDestroy = b.bind("charls_jpegls_decoder_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        decoderSetSource = b.bind("charls_jpegls_decoder_set_source_buffer",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        decoderReadHeader = b.bind("charls_jpegls_decoder_read_header", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        decoderFrameInfo = b.bind("charls_jpegls_decoder_get_frame_info",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        decoderNearLossless = b.bind("charls_jpegls_decoder_get_near_lossless",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        decoderInterleaveMode = b.bind("charls_jpegls_decoder_get_interleave_mode",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        decoderDestinationSize = b.bind("charls_jpegls_decoder_get_destination_size",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        decoderDecode = b.bind("charls_jpegls_decoder_decode_to_buffer",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
        encoderCreate = b.bind("charls_jpegls_encoder_create", FunctionDescriptor.of(ADDRESS));
        encoderDestroy = b.bind("charls_jpegls_encoder_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        encoderSetFrameInfo = b.bind("charls_jpegls_encoder_set_frame_info",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        encoderSetNearLossless = b.bind("charls_jpegls_encoder_set_near_lossless",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        encoderSetInterleaveMode = b.bind("charls_jpegls_encoder_set_interleave_mode",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        encoderEstimatedSize = b.bind("charls_jpegls_encoder_get_estimated_destination_size",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        encoderSetDestination = b.bind("charls_jpegls_encoder_set_destination_buffer",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        encoderEncode = b.bind("charls_jpegls_encoder_encode_from_buffer",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
        encoderBytesWritten = b.bind("charls_jpegls_encoder_get_bytes_written",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        errorMessage = b.bind("charls_get_error_message", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /** Decodes a whole JPEG-LS stream. */
    Decoded decode(byte[] stream) throws CharLsException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment decoder = (MemorySegment) decoderCreate.invokeExact();
            if (decoder.equals(MemorySegment.NULL)) {
                throw new CharLsException("CharLS could not create a decoder (out of memory)");
            }
            try {
                MemorySegment source = arena.allocateFrom(JAVA_BYTE, stream);
                check("set_source_buffer", (int) decoderSetSource.invokeExact(decoder, source, (long) stream.length));
                check("read_header", (int) decoderReadHeader.invokeExact(decoder));
                MemorySegment frameInfo = arena.allocate(FRAME_INFO);
                check("get_frame_info", (int) decoderFrameInfo.invokeExact(decoder, frameInfo));
                MemorySegment intOut = arena.allocate(JAVA_INT);
                check("get_near_lossless", (int) decoderNearLossless.invokeExact(decoder, 0, intOut));
                int near = intOut.get(JAVA_INT, 0);
                check("get_interleave_mode", (int) decoderInterleaveMode.invokeExact(decoder, intOut));
                int interleave = intOut.get(JAVA_INT, 0);
                MemorySegment sizeOut = arena.allocate(JAVA_LONG);
                check("get_destination_size",
                        (int) decoderDestinationSize.invokeExact(decoder, PACKED_STRIDE, sizeOut));
                long size = sizeOut.get(JAVA_LONG, 0);
                MemorySegment destination = arena.allocate(size);
                check("decode_to_buffer",
                        (int) decoderDecode.invokeExact(decoder, destination, size, PACKED_STRIDE));
                StreamInfo info = new StreamInfo((int) WIDTH.get(frameInfo, 0L), (int) HEIGHT.get(frameInfo, 0L),
                        (int) BITS.get(frameInfo, 0L), (int) COMPONENTS.get(frameInfo, 0L), near, interleave);
                return new Decoded(info, destination.toArray(JAVA_BYTE));
            } finally {
                decoderDestroy.invokeExact(decoder);
            }
        } catch (CharLsException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("CharLS call failed", t);
        }
    }

    /**
     * Encodes samples ({@code bitsPerSample <= 8 ? 1 : 2} bytes each, little endian, interleaved for several
     * components) losslessly: NEAR is set to 0 explicitly, never taken from a default.
     */
    byte[] encodeLossless(byte[] samples, int width, int height, int bitsPerSample, int components)
            throws CharLsException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment encoder = (MemorySegment) encoderCreate.invokeExact();
            if (encoder.equals(MemorySegment.NULL)) {
                throw new CharLsException("CharLS could not create an encoder (out of memory)");
            }
            try {
                MemorySegment frameInfo = arena.allocate(FRAME_INFO);
                WIDTH.set(frameInfo, 0L, width);
                HEIGHT.set(frameInfo, 0L, height);
                BITS.set(frameInfo, 0L, bitsPerSample);
                COMPONENTS.set(frameInfo, 0L, components);
                check("set_frame_info", (int) encoderSetFrameInfo.invokeExact(encoder, frameInfo));
                check("set_near_lossless", (int) encoderSetNearLossless.invokeExact(encoder, 0));
                int interleave = components > 1 ? INTERLEAVE_SAMPLE : INTERLEAVE_NONE;
                check("set_interleave_mode", (int) encoderSetInterleaveMode.invokeExact(encoder, interleave));
                MemorySegment sizeOut = arena.allocate(JAVA_LONG);
                check("get_estimated_destination_size", (int) encoderEstimatedSize.invokeExact(encoder, sizeOut));
                long capacity = sizeOut.get(JAVA_LONG, 0);
                MemorySegment destination = arena.allocate(capacity);
                check("set_destination_buffer",
                        (int) encoderSetDestination.invokeExact(encoder, destination, capacity));
                MemorySegment source = arena.allocateFrom(JAVA_BYTE, samples);
                check("encode_from_buffer",
                        (int) encoderEncode.invokeExact(encoder, source, (long) samples.length, PACKED_STRIDE));
                check("get_bytes_written", (int) encoderBytesWritten.invokeExact(encoder, sizeOut));
                return destination.asSlice(0, sizeOut.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            } finally {
                encoderDestroy.invokeExact(encoder);
            }
        } catch (CharLsException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("CharLS call failed", t);
        }
    }

    @SuppressWarnings("restricted") // CharLS returns a NUL-terminated static string of unknown length
    private void check(String call, int errc) throws Throwable {
        if (errc != 0) {
            MemorySegment message = (MemorySegment) errorMessage.invokeExact(errc);
            String text = message.equals(MemorySegment.NULL) ? "error " + errc
                    : message.reinterpret(Long.MAX_VALUE).getString(0);
            throw new CharLsException("CharLS " + call + ": " + text + " (" + errc + ")", errc);
        }
    }

    private static VarHandle field(String name) {
        return FRAME_INFO.varHandle(MemoryLayout.PathElement.groupElement(name));
    }

    /** Looks symbols up and binds them; a missing one means an incompatible library. */
    private record Binder(SymbolLookup symbols, Linker linker) {
        @SuppressWarnings("restricted") // binding native functions is what this class is for
        MethodHandle bind(String name, FunctionDescriptor descriptor) {
            MemorySegment symbol = symbols.find(name).orElseThrow(
                    () -> new IllegalArgumentException("symbol " + name + " missing: not CharLS 2.x"));
            return linker.downcallHandle(symbol, descriptor);
        }
    }
}
