package io.facecheck.camera;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real RTSP camera on loopback, in its own process so that a test can kill it (the stream drops) and start it
 * again (the stream returns). FFmpeg's RTSP muxer can only push a stream to a server, not serve one, so this
 * process is both: a minimal RTSP server (OPTIONS, ANNOUNCE, DESCRIBE, SETUP, RECORD, PLAY over TCP, RTP
 * interleaved) that relays what is pushed to it, and FFmpeg pushing a video file or a folder of photos to it,
 * looped, at its frame rate, as Motion-JPEG over RTP (every frame a key frame, so a player that joins at any
 * moment decodes the next frame). Arguments: port, source spec (as {@code --camera}: {@code file:} or
 * {@code dir:}), frames per second. Prints {@code SERVING rtsp://127.0.0.1:PORT/cam} when a player can connect.
 */
public final class RtspServerMain {
    private static volatile String sdp;
    private static final List<OutputStream> players = new CopyOnWriteArrayList<>();

    private RtspServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        FrameSource source = FrameSources.parse(args[1]);
        double fps = Double.parseDouble(args[2]);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        ServerSocket server = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "rtsp-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "rtsp-accept");
        accept.setDaemon(true);
        accept.start();

        source.open();
        VideoFrame first = source.read();
        int w = first.width() / 8 * 8;
        int h = first.height() / 8 * 8;
        String url = "rtsp://127.0.0.1:" + port + "/cam";
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(url, w, h, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("rtsp");
            rec.setOption("rtsp_transport", "tcp");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            rec.setVideoQuality(4);
            rec.setVideoOption("huffman", "default"); // RFC 2435 carries only the standard tables
            rec.setFrameRate(fps);
            rec.start();
            System.out.println("SERVING " + url);
            System.out.flush();
            long period = (long) (1e9 / fps);
            long next = System.nanoTime();
            VideoFrame f = first;
            while (true) {
                if (f == null) {
                    source.open(); // loop the clip
                    f = source.read();
                }
                BufferedImage img = f.toBufferedImage().getSubimage(0, 0, w, h);
                BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(img, 0, 0, null);
                Frame frame = conv.convert(bgr);
                rec.record(frame);
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                f = source.read();
            }
        }
    }

    /** One RTSP connection: the publisher (ANNOUNCE … RECORD, then pushes) or a player (DESCRIBE … PLAY). */
    private static void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            boolean publisher = false;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                if (b == '$') { // interleaved RTP/RTCP: relay the publisher's, drop a player's receiver reports
                    int channel = in.readUnsignedByte();
                    int len = in.readUnsignedShort();
                    byte[] packet = new byte[4 + len];
                    packet[0] = '$';
                    packet[1] = (byte) channel;
                    packet[2] = (byte) (len >> 8);
                    packet[3] = (byte) len;
                    in.readFully(packet, 4, len);
                    if (publisher) {
                        for (OutputStream p : players) {
                            try {
                                synchronized (p) {
                                    p.write(packet);
                                    p.flush();
                                }
                            } catch (IOException gone) {
                                players.remove(p);
                            }
                        }
                    }
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                String requestLine = (char) b + line(in);
                for (String l = line(in); !l.isEmpty(); l = line(in)) {
                    int c = l.indexOf(':');
                    headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
                }
                byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
                in.readFully(body);
                String method = requestLine.split(" ")[0];
                String cseq = headers.getOrDefault("cseq", "0");
                StringBuilder reply = new StringBuilder("RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n");
                String content = "";
                switch (method) {
                    case "OPTIONS" -> reply.append("Public: OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, TEARDOWN, GET_PARAMETER\r\n");
                    case "ANNOUNCE" -> {
                        sdp = new String(body, StandardCharsets.UTF_8);
                        publisher = true;
                    }
                    case "DESCRIBE" -> {
                        if (sdp == null) {
                            reply = new StringBuilder("RTSP/1.0 404 Not Found\r\nCSeq: " + cseq + "\r\n");
                        } else {
                            String uri = requestLine.split(" ")[1];
                            reply.append("Content-Base: ").append(uri.endsWith("/") ? uri : uri + "/").append("\r\n")
                                    .append("Content-Type: application/sdp\r\n");
                            content = sdp;
                        }
                    }
                    case "SETUP" -> reply.append("Transport: ").append(headers.getOrDefault("transport", ""))
                            .append("\r\nSession: 1\r\n");
                    case "PLAY" -> reply.append("Session: 1\r\n");
                    default -> reply.append("Session: 1\r\n"); // RECORD, GET_PARAMETER, TEARDOWN
                }
                byte[] c = content.getBytes(StandardCharsets.UTF_8);
                reply.append("Content-Length: ").append(c.length).append("\r\n\r\n");
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                whole.write(reply.toString().getBytes(StandardCharsets.US_ASCII));
                whole.write(c);
                synchronized (out) {
                    out.write(whole.toByteArray());
                    out.flush();
                }
                if (method.equals("PLAY")) {
                    players.add(out);
                } else if (method.equals("TEARDOWN")) {
                    players.remove(out);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away
        } finally {
            try {
                players.remove(socket.getOutputStream());
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }
}
