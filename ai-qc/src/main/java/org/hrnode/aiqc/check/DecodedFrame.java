package org.hrnode.aiqc.check;

import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.NativeFrames;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;

/**
 * One frame of a loaded image, decoded once for every engine that reads it: the image metrics and the learned
 * model both look at the middle frame, and decoding a 2500×3000 JPEG-LS radiograph costs about 220 ms, so the
 * second reader gets the first one's pixels (or its failure) instead of decoding again. The frame is held only as
 * long as the {@link InstanceInput.LoadedPixels} that owns it, i.e. while one image is being judged.
 *
 * <p>The returned bytes are shared: readers must not modify them.
 */
public final class DecodedFrame {

    private final Dataset dataset;
    private final TransferSyntax transferSyntax;
    private final StoredFrames storedFrames;
    private int decodedIndex = -1;
    private byte[] frame;
    private PixelDataException failure;
    private RuntimeException crash;

    /** @param dataset a full dataset whose Pixel Data is in {@code transferSyntax} (null: unknown, cannot decode) */
    public DecodedFrame(Dataset dataset, TransferSyntax transferSyntax) {
        this(dataset, transferSyntax, null);
    }

    /**
     * @param dataset a dataset whose Pixel Data is left where it is stored (a {@link org.hrnode.dicom.data.BulkData}
     *     reference or fragments of them) and in {@code transferSyntax}
     * @param storedFrames where a frame's stored bytes come from (null: from the dataset's Pixel Data)
     */
    public DecodedFrame(Dataset dataset, TransferSyntax transferSyntax, StoredFrames storedFrames) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.transferSyntax = transferSyntax;
        this.storedFrames = storedFrames;
    }

    /**
     * The stored bytes of one frame, read on their own: native frames as {@link NativeFrames#read} gives them, or
     * the compressed bitstream as {@link EncapsulatedFrames#split} gives it. For large multi-frame objects, whose
     * Pixel Data is not read into memory.
     */
    @FunctionalInterface
    public interface StoredFrames {
        byte[] stored(int frameIndex) throws PixelDataException;
    }

    /**
     * Frame {@code frameIndex} (0-based) as stored values in the decoder's output layout (see
     * {@link FrameDecoder#decodedDescription}), decoded now or on an earlier call for the same frame; an earlier
     * failure for that frame is thrown again. A single native frame held in memory is returned where it lies.
     */
    public synchronized byte[] frame(PixelDescription stored, int frameIndex) throws PixelDataException {
        if (frameIndex != decodedIndex) {
            decodedIndex = frameIndex;
            frame = null;
            failure = null;
            crash = null;
            try {
                frame = decode(stored, frameIndex);
            } catch (PixelDataException e) {
                failure = e;
            } catch (RuntimeException e) {
                crash = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (crash != null) {
            throw crash;
        }
        return frame;
    }

    private byte[] decode(PixelDescription stored, int frameIndex) throws PixelDataException {
        if (transferSyntax == null) {
            throw new PixelDataException("the transfer syntax of the Pixel Data is unknown");
        }
        if (storedFrames != null) {
            byte[] bytes = storedFrames.stored(frameIndex);
            return transferSyntax.isEncapsulated()
                    ? Codecs.registry().requireDecoder(transferSyntax).decode(bytes, stored) : bytes;
        }
        if (!transferSyntax.isEncapsulated()) {
            if (stored.numberOfFrames() == 1 && !dataset.isBigEndian()
                    && dataset.getValue(Tag.PixelData) instanceof byte[] bytes
                    && bytes.length >= stored.frameLength()) {
                return bytes;
            }
            return NativeFrames.read(dataset, stored).get(frameIndex);
        }
        FrameDecoder decoder = Codecs.registry().requireDecoder(transferSyntax);
        Fragments fragments = dataset.getFragments(Tag.PixelData);
        if (fragments == null) {
            throw new PixelDataException("Pixel Data in an encapsulated transfer syntax is not encapsulated");
        }
        List<byte[]> frames = EncapsulatedFrames.split(fragments, stored.numberOfFrames(), decoder);
        return decoder.decode(frames.get(frameIndex), stored);
    }
}
