package org.hrnode.aiqc.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The network: five input planes (the image and four one-hot {@link QcModality} planes) at 128², four 3×3
 * stride-2 convolutions (16, 24, 32, 48 filters) each with batch norm and ReLU down to 8², global average and
 * global max pooling side by side, and one linear layer to the nine {@link DegradationClass} logits (sigmoid outside
 * the network). About 26 k parameters: small enough to train in minutes on two CPU cores and to ship in the repository.
 */
public final class QcNetwork {

    /** Channels fed to the network: the image plus one plane per modality family. */
    public static final int CHANNELS = 1 + QcModality.values().length;
    static final int[] FILTERS = {24, 32, 48, 64};

    private QcNetwork() {
    }

    public static Shape inputShape(int batch) {
        return new Shape(batch, CHANNELS, WorkingImage.SIZE, WorkingImage.SIZE);
    }

    public static Block build() {
        SequentialBlock net = new SequentialBlock();
        for (int filters : FILTERS) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(filters).build());
            net.add(BatchNorm.builder().build());
            net.add(Activation.reluBlock());
        }
        // average pooling sees image-wide states (noise, exposure, blur); max pooling keeps small local findings
        // (a metal object, one ring, a field edge) that an average over 64 positions would wash out
        net.add(new ParallelBlock(outputs -> new NDList(NDArrays.concat(new NDList(
                outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()), 1)),
                List.of(Pool.globalAvgPool2dBlock(), Pool.globalMaxPool2dBlock())));
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(DegradationClass.values().length).build());
        return net;
    }

    /**
     * Writes one sample's input planes into {@code batch} at position {@code index}: the image, then 1 in the
     * modality's plane and 0 in the others.
     */
    static void encode(float[] image, QcModality modality, float[] batch, int index) {
        int plane = WorkingImage.SIZE * WorkingImage.SIZE;
        int base = index * CHANNELS * plane;
        System.arraycopy(image, 0, batch, base, plane);
        int modalityBase = base + (1 + modality.ordinal()) * plane;
        java.util.Arrays.fill(batch, modalityBase, modalityBase + plane, 1f);
    }

    /**
     * Loads the PyTorch engine offline: DJL must never try to download a native library at run time (the node has
     * no internet, and a version mismatch should fail here, loudly). The native library comes from the
     * pytorch-native-cpu jar and is extracted once to DJL_CACHE_DIR (default ~/.djl.ai).
     *
     * <p>PyTorch runs single-threaded (intra- and inter-op) unless the system properties say otherwise: the
     * network is tiny, the node parallelises over images, and OpenMP threads that spin-wait on a busy machine made
     * one training epoch swing from 0.3 s to 12 s on two shared cores. One thread also makes float sums — and so
     * training — repeat exactly.
     */
    static synchronized Engine engine() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
