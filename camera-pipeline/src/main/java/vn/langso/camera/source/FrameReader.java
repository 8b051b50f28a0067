package vn.langso.camera.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decoder loop of one camera, run on its own thread: opens the source with FFmpeg, copies each frame out of
 * the grabber's reused buffer and offers it to the frame slot. A source that fails or ends is reopened
 * after a capped exponential backoff, except a file that is not looped. The status listener receives each change.
 */
public final class FrameReader implements Runnable {

    /** Receives status changes of the camera, on the reader thread. */
    public interface StatusListener {
        void statusChanged(CameraStatus status, String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    /** FFmpeg read and connect timeout for network sources, in microseconds. */
    private static final String NETWORK_TIMEOUT_MICROS = "5000000";

    private final String cameraId;
    private final SourceSpec spec;
    private final LatestFrameSlot slot;
    private final Backoff backoff;
    private final StatusListener listener;
    private final AtomicLong frameNumber = new AtomicLong();
    private volatile boolean stopped;
    private Instant lastFrameAt;
    /** Whether the current pass reopened a looped file, which is not worth a log line. */
    private boolean restartingLoop;

    public FrameReader(String cameraId, SourceSpec spec, LatestFrameSlot slot, Backoff backoff,
                       StatusListener listener) {
        this.cameraId = cameraId;
        this.spec = spec;
        this.slot = slot;
        this.backoff = backoff;
        this.listener = listener;
    }

    /** Asks the loop to end; it does so within the network timeout at most. */
    public void stop() {
        stopped = true;
    }

    /** Frames decoded since the camera started. */
    public long framesDecoded() {
        return frameNumber.get();
    }

    @Override
    public void run() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        boolean looping = false;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            if (!looping) {
                listener.statusChanged(CameraStatus.CONNECTING, null);
            }
            restartingLoop = looping;
            looping = false;
            String failure;
            boolean delivered = false;
            try {
                delivered = readUntilEnd();
                if (stopped) {
                    return;
                }
                if (spec.isFile() && !spec.loop()) {
                    listener.statusChanged(CameraStatus.OFFLINE, "end of file");
                    LOG.info("Camera {}: end of file {}, reader stops", cameraId, spec.redacted());
                    return;
                }
                if (spec.isFile() && delivered) {
                    looping = true;
                    continue;
                }
                failure = delivered ? "stream ended" : "stream delivered no frame";
            } catch (org.bytedeco.javacv.FrameGrabber.Exception | RuntimeException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            if (delivered) {
                backoff.reset();
            }
            Duration delay = backoff.nextDelay();
            listener.statusChanged(CameraStatus.OFFLINE, failure);
            LOG.warn("Camera {}: source {} is offline ({}), retrying in {} ms", cameraId, spec.redacted(), failure,
                    delay.toMillis());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reads one connection until its end; returns whether it delivered at least one frame. */
    private boolean readUntilEnd() throws org.bytedeco.javacv.FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(spec.ffmpegInput())) {
            configure(grabber);
            grabber.start();
            // A looped file starts again where the previous pass ended, so frame times never go backwards.
            Instant openedAt = lastFrameAt == null || Instant.now().isAfter(lastFrameAt) ? Instant.now()
                    : lastFrameAt.plusMillis(1);
            long openedNanos = System.nanoTime();
            long firstTimestamp = Long.MIN_VALUE;
            long frameNumberAtOpen = frameNumber.get();
            boolean delivered = false;
            while (!stopped) {
                Frame frame = grabber.grabImage();
                if (frame == null || frame.image == null) {
                    return delivered;
                }
                long timestamp = grabber.getTimestamp();
                if (firstTimestamp == Long.MIN_VALUE) {
                    firstTimestamp = timestamp;
                }
                long offsetMicros = Math.max(0, timestamp - firstTimestamp);
                if (spec.isFile() && spec.realtime()) {
                    pace(openedNanos, offsetMicros);
                }
                Instant at = spec.isFile() ? openedAt.plusNanos(offsetMicros * 1000) : Instant.now();
                lastFrameAt = at;
                if (!delivered) {
                    delivered = true;
                    backoff.reset();
                    listener.statusChanged(CameraStatus.ONLINE, null);
                    if (!restartingLoop) {
                        LOG.info("Camera {}: online, {}x{} from {}", cameraId, frame.imageWidth, frame.imageHeight,
                                spec.redacted());
                    }
                }
                boolean first = frameNumberAtOpen == frameNumber.get();
                if (!slot.put(new VideoFrame(copyToImage(frame), at, frameNumber.incrementAndGet(), first))) {
                    return delivered;
                }
            }
            return delivered;
        }
    }

    private void configure(FFmpegFrameGrabber grabber) {
        if (spec.format() != null) {
            grabber.setFormat(spec.format());
        }
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        String scheme = spec.uri().getScheme();
        if ("rtsp".equals(scheme)) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", NETWORK_TIMEOUT_MICROS);
        } else if (!spec.isFile()) {
            grabber.setOption("rw_timeout", NETWORK_TIMEOUT_MICROS);
        }
    }

    private void pace(long openedNanos, long offsetMicros) {
        long waitNanos = openedNanos + offsetMicros * 1000 - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(waitNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    /** Copies a BGR24 frame into a new image, because the grabber reuses its buffer for the next frame. */
    static BufferedImage copyToImage(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        if (frame.imageChannels != 3) {
            throw new IllegalStateException("Expected 3-channel BGR frames, got " + frame.imageChannels
                    + " channels");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            source.position(y * frame.imageStride);
            source.get(target, y * rowBytes, rowBytes);
        }
        return image;
    }
}
