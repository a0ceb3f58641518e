package io.facecheck.ui.kiosk;

import io.facecheck.ui.UiExecutors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A short two-note chime, generated (no sound file to ship or decode) and played on its own thread. A
 * machine without a sound device — a server, a test run — plays nothing and carries on.
 */
public final class Chime {
    private static final Logger LOG = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 22_050f;
    private static final ExecutorService PLAYER = Executors.newSingleThreadExecutor(UiExecutors.named("chime"));

    private Chime() {
    }

    /** PCM 16-bit mono samples of the chime: E6 then A6, 120 ms each, with soft edges. */
    static byte[] samples() {
        double[] notes = {1318.5, 1760.0};
        int per = (int) (RATE * 0.12);
        byte[] pcm = new byte[notes.length * per * 2];
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < per; i++) {
                double env = Math.min(1, Math.min(i, per - i) / (RATE * 0.01));
                short v = (short) (Math.sin(2 * Math.PI * notes[n] * i / RATE) * env * 0.3 * Short.MAX_VALUE);
                int k = (n * per + i) * 2;
                pcm[k] = (byte) v;
                pcm[k + 1] = (byte) (v >> 8);
            }
        }
        return pcm;
    }

    public static void play() {
        PLAYER.execute(() -> {
            AudioFormat fmt = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(fmt)) {
                byte[] pcm = samples();
                line.open(fmt, pcm.length);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            } catch (Exception | LinkageError e) {
                LOG.debug("no sound device, chime skipped: {}", e.toString());
            }
        });
    }
}
