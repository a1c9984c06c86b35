// SPDX-License-Identifier: Apache-2.0
import java.nio.file.Path;
import org.labelprop.server.LabelPropServer;
import org.labelprop.server.ServerConfig;

/**
 * Starts the LabelProp server for the browser tests (run as a single-file Java program):
 * args = data directory [token]; prints "LISTENING port" and stops when standard input closes.
 */
public class ServeForTests {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) throw new IllegalArgumentException("usage: ServeForTests DATA_DIR [TOKEN]");
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withDataDir(Path.of(args[0]));
        if (args.length > 1) config = config.withToken(args[1]);
        try (LabelPropServer server = LabelPropServer.start(config)) {
            System.out.println("LISTENING " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the test runner keeps stdin open while it needs the server
            }
        }
    }
}
