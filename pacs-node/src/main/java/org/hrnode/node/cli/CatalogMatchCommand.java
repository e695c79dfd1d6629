package org.hrnode.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.catalog.CatalogMatchResult;
import org.hrnode.node.catalog.CatalogService;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.http.JsonMapper;
import org.hrnode.storage.index.IndexException;

/**
 * {@code ./hrnode catalog-match FILE.json [--institution CODE [config options]]}: which 川渝 catalogue item(s) a
 * study is, from a DICOM JSON array of its instance headers; prints
 * {@code {"items":[{"no":N,"name":"…","confidence":c}],"explanation":"…"}} on one line, as
 * {@code POST /api/qc/catalog/match} answers. With {@code --institution} the institution's mapping table, read from
 * the node's database (node stopped or running), applies first; without it no database is opened.
 */
public final class CatalogMatchCommand {

    static final String USAGE = "usage: ./hrnode catalog-match FILE.json [--institution CODE [config options]]";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public CatalogMatchCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        String file = null;
        String institution = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("--institution".equals(a)) {
                if (i + 1 >= args.size()) {
                    err.println("hrnode catalog-match: --institution needs a value\n" + USAGE);
                    return Main.EXIT_USAGE;
                }
                institution = args.get(++i);
            } else if (a.startsWith("--")) {
                configArgs.add(a);
                if (!a.contains("=") && i + 1 < args.size()) {
                    configArgs.add(args.get(++i));
                }
            } else if (file == null) {
                file = a;
            } else {
                err.println("hrnode catalog-match: one file at a time\n" + USAGE);
                return Main.EXIT_USAGE;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        try {
            if (institution == null) {
                return match(CatalogService.withoutMappings(), Path.of(file), null);
            }
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            try (CommandStorage opened = CommandStorage.open(config)) {
                NodeStorage storage = opened.storage();
                return match(new CatalogService(new CatalogMatcher(Catalog.standard()), storage.catalogMappings()),
                        Path.of(file), institution);
            }
        } catch (ConfigException e) {
            err.println("hrnode catalog-match: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode catalog-match: " + e.getMessage());
            return 1;
        }
    }

    private int match(CatalogService service, Path file, String institution) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CatalogMatchResult result = CatalogMatchResult.of(service.match(in, institution));
            out.println(JsonMapper.create().writeValueAsString(result));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("hrnode catalog-match: no such file " + file);
            return 1;
        } catch (DicomJsonException e) {
            err.println("hrnode catalog-match: " + file + " is not a DICOM JSON array of instance headers: "
                    + e.getMessage());
            return 1;
        }
    }
}
