#!/bin/sh
# The image's "hrnode": the java command line of ./hrnode's run_java, without the launcher's JDK search and build
# step (the image holds the built jars). exec, so the JVM is PID 1's child-free replacement and gets SIGTERM.
exec java --enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 ${HRNODE_JAVA_OPTS:-} \
    -cp "/opt/hrnode/hrnode.jar:/opt/hrnode/lib/*" org.hrnode.node.Main "$@"
