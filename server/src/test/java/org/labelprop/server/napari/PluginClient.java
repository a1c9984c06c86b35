// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.labelprop.io.npy.NpyDType;
import org.labelprop.io.npy.NpyHeader;

/** Calls the napari-compatible routes as the plugin does (multipart files 'arrays' and 'params'), plus raw requests. */
final class PluginClient {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final int port;

    PluginClient(int port) { this.port = port; }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST of multipart files, each {@code name}, then its bytes. */
    HttpResponse<String> postFiles(String path, Object... files) throws IOException, InterruptedException {
        byte[] body = MultipartFormTest.body(MultipartFormTest.BOUNDARY, files);
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + MultipartFormTest.BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls /get_session_list as the plugin does (here every 200 ms) until it lists {@code token}. */
    void awaitFinished(String token, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!get("/get_session_list").body().contains(token)) {
            if (System.nanoTime() > end) throw new AssertionError("token " + token + " not finished within " + timeout);
            Thread.sleep(200);
        }
    }

    /** A raw HTTP/1.1 GET with the given extra header lines; returns the status code. */
    int rawGet(String path, String... headerLines) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nConnection: close\r\n");
            for (String h : headerLines) req.append(h).append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** An .npz of whole .npy members (name → bytes), deflated as np.savez_compressed writes it. */
    static byte[] npz(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : members.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A float32 little-endian .npy of {@code values} laid out first axis fastest (Fortran order, as nibabel gives). */
    static byte[] float32Fortran(long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return npy(new NpyHeader(NpyDType.FLOAT32, ByteOrder.LITTLE_ENDIAN, true, shape), b.array());
    }

    /** A uint8 .npy in Fortran order. */
    static byte[] uint8Fortran(long[] shape, int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return npy(new NpyHeader(NpyDType.UINT8, ByteOrder.LITTLE_ENDIAN, true, shape), b);
    }

    static byte[] npy(NpyHeader h, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.encode());
        out.writeBytes(data);
        return out.toByteArray();
    }

    private URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }
}
