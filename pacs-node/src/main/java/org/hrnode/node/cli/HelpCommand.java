package org.hrnode.node.cli;

import java.io.PrintStream;
import org.hrnode.node.config.ConfigKey;

/** {@code ./hrnode help}: the commands and every configuration key in its three spellings. */
public final class HelpCommand {

    private final PrintStream out;

    public HelpCommand(PrintStream out) {
        this.out = out;
    }

    public int run() {
        out.println("""
                HR Node — imaging cloud node for the Sichuan–Chongqing (川渝) mutual-recognition programme

                usage: ./hrnode <command> [options]
                  run [options]      start the node (embedded database and blob store under --data-dir);
                                     --production: authentication, roles and HTTPS required
                  test               run the full test suite (installs Debian test peers where it can)
                  import DIR         store every DICOM file under DIR (node stopped or running)
                  ae add|list|remove the DICOM peers the node accepts and sends to
                  user add|list|remove|passwd|totp
                                     local accounts (roles uploader, viewer, reviewer, admin; TOTP)
                  audit verify|export  check the SM3 hash chain of the audit trail; export a period as JSON lines
                  backup --out DIR     the index and every stored object (SHA-256 manifest) to DIR
                  restore --from DIR   a backup into a stopped node with an empty database
                  deidentify --study UID --out DIR   de-identified copies (PS3.15 basic profile)
                  dump FILE...       list the elements of DICOM files, Chinese text decoded
                  quality --institution CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                     an institution's data-quality report (QC spec 7.1)
                  catalog-match FILE.json [--institution CODE]
                                     which 川渝 catalogue item(s) a study is, from a DICOM JSON array of
                                     its instance headers (the institution's mapping table first)
                  recognition set|list|remove
                                     which catalogue items each institution is recognised for (川渝 HR)
                  train-qc --data DIR --out DIR [--epochs N] [--seed S]
                                     train the QC model on synthetic degradations of the DICOM
                                     images under DIR (docs/QC-MODEL.md)
                  bench [JMH args]   run the JMH benchmarks
                  help               this text

                configuration (flag = environment variable = config-file key; flags win, then environment,
                then the config file, then the default):""");
        for (ConfigKey k : ConfigKey.values()) {
            out.printf("  %-22s %-28s %s%s%n", k.flag() + " V", k.envVar(), k.help(),
                    k.defaultValue() == null ? "" : " [default " + k.defaultValue() + "]");
        }
        return 0;
    }
}
