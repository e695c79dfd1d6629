package org.hrnode.dicom.net.pdu;

/**
 * Known-good PDUs, annotated field by field: the byte values are those of pynetdicom's
 * {@code tests/encoded_pdu_items.py} (captured from pynetdicom, DCMTK and MergeCOM peers), re-laid out one PS3.8
 * field per line. Indentation follows item nesting.
 */
public final class GoldenPdus {

    private GoldenPdus() {
    }

    /**
     * A-ASSOCIATE-RQ for C-ECHO: one presentation context (Verification, Implicit VR LE), maximum length 16382,
     * implementation class UID and version name.
     */
    public static final byte[] A_ASSOCIATE_RQ_ECHO = Hex.bytes("""
            01                                                      # PDU-type 0x01
            00                                                      # reserved
            00 00 00 d1                                             # PDU-length 209
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            45 43 48 4f 53 43 55 20 20 20 20 20 20 20 20 20         # calling-AE-title "ECHOSCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            20 00 00 2e                                             # 0x20 presentation context RQ item, reserved, length 46
                01                                                  # presentation-context-ID 1
                00 00 00                                            # reserved
                30 00 00 11                                         # 0x30 abstract syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.1"
                    31
                40 00 00 11                                         # 0x40 transfer syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2"
                    32
            50 00 00 3e                                             # 0x50 user information item, reserved, length 62
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 3f fe                                     # maximum-length-received 16382
                52 00 00 20                                         # 0x52 implementation class UID, reserved, length 32
                    31 2e 32 2e 38 32 36 2e 30 2e 31 2e 33 36 38 30 # "1.2.826.0.1.3680043.9.3811.0.9.0"
                    30 34 33 2e 39 2e 33 38 31 31 2e 30 2e 39 2e 30
                55 00 00 0e                                         # 0x55 implementation version name, reserved, length 14
                    50 59 4e 45 54 44 49 43 4f 4d 5f 30 39 30       # "PYNETDICOM_090"
            """);

    /**
     * A-ASSOCIATE-RQ for CT storage with three transfer syntaxes and a username+passcode user identity. Its
     * presentation context carries 0xFF in a reserved byte, which a receiver must not test.
     */
    public static final byte[] A_ASSOCIATE_RQ_USERNAME_PASSCODE = Hex.bytes("""
            01                                                      # PDU-type 0x01
            00                                                      # reserved
            00 00 01 1f                                             # PDU-length 287
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            53 54 4f 52 45 53 43 55 20 20 20 20 20 20 20 20         # calling-AE-title "STORESCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            20 00 00 64                                             # 0x20 presentation context RQ item, reserved, length 100
                01                                                  # presentation-context-ID 1
                00 ff 00                                            # reserved
                30 00 00 19                                         # 0x30 abstract syntax sub-item, reserved, length 25
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 35 2e # "1.2.840.10008.5.1.4.1.1.2"
                    31 2e 34 2e 31 2e 31 2e 32
                40 00 00 13                                         # 0x40 transfer syntax sub-item, reserved, length 19
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2.1"
                    32 2e 31
                40 00 00 13                                         # 0x40 transfer syntax sub-item, reserved, length 19
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2.2"
                    32 2e 32
                40 00 00 11                                         # 0x40 transfer syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2"
                    32
            50 00 00 56                                             # 0x50 user information item, reserved, length 86
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 40 00                                     # maximum-length-received 16384
                52 00 00 1b                                         # 0x52 implementation class UID, reserved, length 27
                    31 2e 32 2e 32 37 36 2e 30 2e 37 32 33 30 30 31 # "1.2.276.0.7230010.3.0.3.6.0"
                    30 2e 33 2e 30 2e 33 2e 36 2e 30
                55 00 00 0f                                         # 0x55 implementation version name, reserved, length 15
                    4f 46 46 49 53 5f 44 43 4d 54 4b 5f 33 36 30    # "OFFIS_DCMTK_360"
                58 00 00 18                                         # 0x58 user identity (RQ), reserved, length 24
                    02                                              # user-identity-type 2
                    00                                              # positive-response-requested 0
                    00 0a                                           # primary-field-length 10
                    70 79 6e 65 74 64 69 63 6f 6d                   # primary-field "pynetdicom"
                    00 08                                           # secondary-field-length 8
                    70 34 73 73 77 30 72 64                         # secondary-field "p4ssw0rd"
            """);

    /**
     * A-ASSOCIATE-RQ as a C-GET SCU sends it: CT storage proposed with an SCP/SCU role selection (SCU 0, SCP 1).
     * Sub-item order 51 52 55 54, not the order we write.
     */
    public static final byte[] A_ASSOCIATE_RQ_ROLE_SELECTION = Hex.bytes("""
            01                                                      # PDU-type 0x01
            00                                                      # reserved
            00 00 00 fc                                             # PDU-length 252
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            47 45 54 53 43 55 20 20 20 20 20 20 20 20 20 20         # calling-AE-title "GETSCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            20 00 00 38                                             # 0x20 presentation context RQ item, reserved, length 56
                01                                                  # presentation-context-ID 1
                00 00 00                                            # reserved
                30 00 00 19                                         # 0x30 abstract syntax sub-item, reserved, length 25
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 35 2e # "1.2.840.10008.5.1.4.1.1.2"
                    31 2e 34 2e 31 2e 31 2e 32
                40 00 00 13                                         # 0x40 transfer syntax sub-item, reserved, length 19
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2.1"
                    32 2e 31
            50 00 00 5f                                             # 0x50 user information item, reserved, length 95
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 3f fe                                     # maximum-length-received 16382
                52 00 00 20                                         # 0x52 implementation class UID, reserved, length 32
                    31 2e 32 2e 38 32 36 2e 30 2e 31 2e 33 36 38 30 # "1.2.826.0.1.3680043.9.3811.0.9.0"
                    30 34 33 2e 39 2e 33 38 31 31 2e 30 2e 39 2e 30
                55 00 00 0e                                         # 0x55 implementation version name, reserved, length 14
                    50 59 4e 45 54 44 49 43 4f 4d 5f 30 39 30       # "PYNETDICOM_090"
                54 00 00 1d                                         # 0x54 SCP/SCU role selection, reserved, length 29
                    00 19                                           # UID-length 25
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 35 2e # SOP-class-uid "1.2.840.10008.5.1.4.1.1.2"
                    31 2e 34 2e 31 2e 31 2e 32
                    00                                              # SCU-role 0
                    01                                              # SCP-role 1
            """);

    /**
     * A-ASSOCIATE-RQ with a username user identity asking for a positive response and an asynchronous operations
     * window of 5/5, in the order 58 53.
     */
    public static final byte[] A_ASSOCIATE_RQ_USERNAME_ASYNC = Hex.bytes("""
            01                                                      # PDU-type 0x01
            00                                                      # reserved
            00 00 00 ed                                             # PDU-length 237
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            45 43 48 4f 53 43 55 20 20 20 20 20 20 20 20 20         # calling-AE-title "ECHOSCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            20 00 00 2e                                             # 0x20 presentation context RQ item, reserved, length 46
                01                                                  # presentation-context-ID 1
                00 00 00                                            # reserved
                30 00 00 11                                         # 0x30 abstract syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.1"
                    31
                40 00 00 11                                         # 0x40 transfer syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2"
                    32
            50 00 00 5a                                             # 0x50 user information item, reserved, length 90
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 3f fe                                     # maximum-length-received 16382
                52 00 00 20                                         # 0x52 implementation class UID, reserved, length 32
                    31 2e 32 2e 38 32 36 2e 30 2e 31 2e 33 36 38 30 # "1.2.826.0.1.3680043.9.3811.0.9.0"
                    30 34 33 2e 39 2e 33 38 31 31 2e 30 2e 39 2e 30
                55 00 00 0e                                         # 0x55 implementation version name, reserved, length 14
                    50 59 4e 45 54 44 49 43 4f 4d 5f 30 39 30       # "PYNETDICOM_090"
                58 00 00 10                                         # 0x58 user identity (RQ), reserved, length 16
                    01                                              # user-identity-type 1
                    01                                              # positive-response-requested 1
                    00 0a                                           # primary-field-length 10
                    70 79 6e 65 74 64 69 63 6f 6d                   # primary-field "pynetdicom"
                    00 00                                           # secondary-field-length 0
                53 00 00 04                                         # 0x53 asynchronous operations window, reserved, length 4
                    00 05                                           # maximum-number-operations-invoked 5
                    00 05                                           # maximum-number-operations-performed 5
            """);

    /**
     * A-ASSOCIATE-AC from DCMTK 3.6.0 accepting Verification with Implicit VR LE. */
    public static final byte[] A_ASSOCIATE_AC_ECHO = Hex.bytes("""
            02                                                      # PDU-type 0x02
            00                                                      # reserved
            00 00 00 b8                                             # PDU-length 184
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            45 43 48 4f 53 43 55 20 20 20 20 20 20 20 20 20         # calling-AE-title "ECHOSCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            21 00 00 19                                             # 0x21 presentation context AC item, reserved, length 25
                01                                                  # presentation-context-ID 1
                00                                                  # reserved
                00                                                  # result/reason 0
                00                                                  # reserved
                40 00 00 11                                         # 0x40 transfer syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2"
                    32
            50 00 00 3a                                             # 0x50 user information item, reserved, length 58
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 40 00                                     # maximum-length-received 16384
                52 00 00 1b                                         # 0x52 implementation class UID, reserved, length 27
                    31 2e 32 2e 32 37 36 2e 30 2e 37 32 33 30 30 31 # "1.2.276.0.7230010.3.0.3.6.0"
                    30 2e 33 2e 30 2e 33 2e 36 2e 30
                55 00 00 0f                                         # 0x55 implementation version name, reserved, length 15
                    4f 46 46 49 53 5f 44 43 4d 54 4b 5f 33 36 30    # "OFFIS_DCMTK_360"
            """);

    /**
     * A-ASSOCIATE-AC with a user identity server response "Accepted". */
    public static final byte[] A_ASSOCIATE_AC_USER_IDENTITY = Hex.bytes("""
            02                                                      # PDU-type 0x02
            00                                                      # reserved
            00 00 00 c6                                             # PDU-length 198
            # (pynetdicom's copy says 00 00 00 b8, a length that leaves out the 0x59 sub-item)
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            45 43 48 4f 53 43 55 20 20 20 20 20 20 20 20 20         # calling-AE-title "ECHOSCU"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            21 00 00 19                                             # 0x21 presentation context AC item, reserved, length 25
                01                                                  # presentation-context-ID 1
                00                                                  # reserved
                00                                                  # result/reason 0
                00                                                  # reserved
                40 00 00 11                                         # 0x40 transfer syntax sub-item, reserved, length 17
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2"
                    32
            50 00 00 48                                             # 0x50 user information item, reserved, length 72
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 40 00                                     # maximum-length-received 16384
                52 00 00 1b                                         # 0x52 implementation class UID, reserved, length 27
                    31 2e 32 2e 32 37 36 2e 30 2e 37 32 33 30 30 31 # "1.2.276.0.7230010.3.0.3.6.0"
                    30 2e 33 2e 30 2e 33 2e 36 2e 30
                55 00 00 0f                                         # 0x55 implementation version name, reserved, length 15
                    4f 46 46 49 53 5f 44 43 4d 54 4b 5f 33 36 30    # "OFFIS_DCMTK_360"
                59 00 00 0a                                         # 0x59 user identity (AC), reserved, length 10
                    00 08                                           # server-response-length 8
                    41 63 63 65 70 74 65 64                         # server-response "Accepted"
            """);

    /**
     * A-ASSOCIATE-AC from MergeCOM: context 1 accepted, context 3 rejected (abstract-syntax-not-supported) with an
     * empty transfer syntax sub-item.
     */
    public static final byte[] A_ASSOCIATE_AC_REJECTED_CONTEXT = Hex.bytes("""
            02                                                      # PDU-type 0x02
            00                                                      # reserved
            00 00 00 b6                                             # PDU-length 182
            00 01                                                   # protocol-version 1
            00 00                                                   # reserved
            41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20         # called-AE-title "ANY-SCP"
            50 59 4e 45 54 44 49 43 4f 4d 20 20 20 20 20 20         # calling-AE-title "PYNETDICOM"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved (32 bytes)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00         # reserved
            10 00 00 15                                             # 0x10 application context item, reserved, length 21
                31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e     # "1.2.840.10008.3.1.1.1"
                31 2e 31 2e 31
            21 00 00 1b                                             # 0x21 presentation context AC item, reserved, length 27
                01                                                  # presentation-context-ID 1
                00                                                  # reserved
                00                                                  # result/reason 0
                00                                                  # reserved
                40 00 00 13                                         # 0x40 transfer syntax sub-item, reserved, length 19
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.2.1"
                    32 2e 31
            21 00 00 08                                             # 0x21 presentation context AC item, reserved, length 8
                03                                                  # presentation-context-ID 3
                00                                                  # reserved
                03                                                  # result/reason 3
                00                                                  # reserved
                40 00 00 00                                         # 0x40 transfer syntax sub-item, reserved, length 0
            50 00 00 2a                                             # 0x50 user information item, reserved, length 42
                51 00 00 04                                         # 0x51 maximum length, reserved, length 4
                    00 00 70 00                                     # maximum-length-received 28672
                52 00 00 0a                                         # 0x52 implementation class UID, reserved, length 10
                    32 2e 31 36 2e 38 34 30 2e 31                   # "2.16.840.1"
                55 00 00 10                                         # 0x55 implementation version name, reserved, length 16
                    4d 65 72 67 65 43 4f 4d 33 5f 33 39 30 49 42 32 # "MergeCOM3_390IB2"
            """);

    /** Our A-ASSOCIATE-RJ for a peer over the association limit. */
    public static final byte[] A_ASSOCIATE_RJ_LOCAL_LIMIT = Hex.bytes("""
            03                                                      # PDU-type 0x03 A-ASSOCIATE-RJ
            00                                                      # reserved
            00 00 00 04                                             # PDU-length 4
            00                                                      # reserved
            02                                                      # result 2 rejected-transient
            03                                                      # source 3 service-provider (presentation)
            02                                                      # reason 2 local-limit-exceeded
            """);

    /** A-ASSOCIATE-RJ as pynetdicom sends it: permanent, service-user, no reason given. */
    public static final byte[] A_ASSOCIATE_RJ_PERMANENT_USER = Hex.bytes("""
            03 00 00 00 00 04                                       # A-ASSOCIATE-RJ, length 4
            00                                                      # reserved
            01                                                      # result 1 rejected-permanent
            01                                                      # source 1 service-user
            01                                                      # reason 1 no-reason-given
            """);

    public static final byte[] A_RELEASE_RQ = Hex.bytes("""
            05                                                      # PDU-type 0x05 A-RELEASE-RQ
            00                                                      # reserved
            00 00 00 04                                             # PDU-length 4
            00 00 00 00                                             # reserved
            """);

    public static final byte[] A_RELEASE_RP = Hex.bytes("""
            06 00 00 00 00 04                                       # A-RELEASE-RP, length 4
            00 00 00 00                                             # reserved
            """);

    /** A-ABORT from the service user (no reason). */
    public static final byte[] A_ABORT_USER = Hex.bytes("""
            07 00 00 00 00 04                                       # A-ABORT, length 4
            00 00                                                   # reserved
            00                                                      # source 0 service-user
            00                                                      # reason 0 (not significant for a user abort)
            """);

    /** A-ABORT (A-P-ABORT) from the service provider: unrecognized-PDU-parameter. */
    public static final byte[] A_ABORT_PROVIDER = Hex.bytes("""
            07 00 00 00 00 04                                       # A-ABORT, length 4
            00 00                                                   # reserved
            02                                                      # source 2 service-provider
            04                                                      # reason 4 unrecognized-PDU-parameter
            """);

    /** P-DATA-TF carrying a whole C-ECHO-RSP command in one PDV. */
    public static final byte[] P_DATA_TF_ECHO_RSP = Hex.bytes("""
            04                                                      # PDU-type 0x04 P-DATA-TF
            00                                                      # reserved
            00 00 00 54                                             # PDU-length 84
            00 00 00 50                                             # PDV item-length 80
                01                                                  # presentation-context-ID 1
                03                                                  # message control header: command, last fragment
                00 00 00 00  04 00 00 00  42 00 00 00               # (0000,0000) UL 4 Command Group Length 66
                00 00 02 00  12 00 00 00                            # (0000,0002) UI 18 Affected SOP Class UID
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.1" + NUL pad
                    31 00
                00 00 00 01  02 00 00 00  30 80                     # (0000,0100) US 2 Command Field 8030H C-ECHO-RSP
                00 00 20 01  02 00 00 00  01 00                     # (0000,0120) US 2 Message ID Being Responded To 1
                00 00 00 08  02 00 00 00  01 01                     # (0000,0800) US 2 Command Data Set Type 0101H none
                00 00 00 09  02 00 00 00  00 00                     # (0000,0900) US 2 Status 0000H success
            """);

    /** P-DATA-TF carrying a whole C-ECHO-RQ (Message ID 1) in one PDV. */
    public static final byte[] P_DATA_TF_ECHO_RQ = Hex.bytes("""
            04 00 00 00 00 4a                                       # P-DATA-TF, length 74
            00 00 00 46                                             # PDV item-length 70
                01                                                  # presentation-context-ID 1
                03                                                  # message control header: command, last fragment
                00 00 00 00  04 00 00 00  38 00 00 00               # (0000,0000) UL 4 Command Group Length 56
                # (pynetdicom's copy says 3a = 58, two more than the elements that follow)
                00 00 02 00  12 00 00 00                            # (0000,0002) UI 18 Affected SOP Class UID
                    31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e # "1.2.840.10008.1.1" + NUL pad
                    31 00
                00 00 00 01  02 00 00 00  30 00                     # (0000,0100) US 2 Command Field 0030H C-ECHO-RQ
                00 00 10 01  02 00 00 00  01 00                     # (0000,0110) US 2 Message ID 1
                00 00 00 08  02 00 00 00  01 01                     # (0000,0800) US 2 Command Data Set Type 0101H none
            """);
}
