package org.hrnode.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The shipped logback.xml: key=value lines by default, one JSON object per line with HRNODE_LOG_FORMAT=json. The
 * line is taken from the configured appender's encoder (the console itself belongs to the test runner).
 */
class LogFormatTest {

    private static String formatOneLine(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            if (format != null) {
                context.putProperty("HRNODE_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(
                    "STDERR");
            Logger node = context.getLogger("org.hrnode.node.app.Node");
            LoggingEvent event = new LoggingEvent(Logger.FQCN, node, Level.INFO, "event=started ae={} dicom_port={}",
                    null, new Object[] {"HRNODE", 11112});
            return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }

    @Test
    void defaultIsKeyValueText() throws Exception {
        assertThat(formatOneLine(null)).endsWith("level=INFO logger=Node thread=main event=started ae=HRNODE"
                + " dicom_port=11112" + System.lineSeparator());
    }

    @Test
    void jsonFormatWritesOneParsableObjectPerLine() throws Exception {
        String line = formatOneLine("json");

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("loggerName").asText()).isEqualTo("org.hrnode.node.app.Node");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("event=started ae=HRNODE dicom_port=11112");
    }
}
