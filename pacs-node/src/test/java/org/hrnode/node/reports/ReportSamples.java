package org.hrnode.node.reports;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Report payloads after the Xinjiang interface spec's own samples (§1.2.2.3 strReportInfo, §1.3.2.5 SubmitAccept),
 * adapted: a resident identity number with a valid check digit instead of "身份证号", a real PDF instead of the
 * sample's placeholder bytes, and the keys and UIDs the test chooses.
 */
final class ReportSamples {

    /** GB 11643's own example number (valid check digit X). */
    static final String ID_NO = "11010519491231002X";
    static final String OTHER_ID_NO = "510107198001011235";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private ReportSamples() {
    }

    /** The spec's sample exam report (CT 鼻窦, two items) for {@code org}/{@code reportNo} of study {@code uid}. */
    static String xml(String org, String reportNo, String uid, String performed, String authenticated,
            String conclusion) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <root>
                  <exammaster>
                    <item last_update_dtime="2024-05-11 08:59:33" org_code="%1$s" apply_form_no="333493"
                      state="4" report_form_no="%2$s" patient_id="1658522" event_type="1" event_no="2022208962"
                      patient_local_id="1658522" performer_dtime="%4$s" pacs_id="0000544534"
                      study_instance_uid="%3$s" id_no="%7$s"
                      Id_Type_Code="01" card_no="AD9329902" checked_status="" class_code="CT" class_name="CT"
                      retrieve_date="2024-05-11" report_title="CT平扫+三维重建" effective_dtime="%5$s"
                      confidentiality="" name="患者姓名" sex_code="1" sex_name="男" birth_date="1949-12-31"
                      author_id="2292" author_dtime="%5$s" author_name="张欣悦"
                      authenticator_id="8287" authenticator_dtime="%5$s" authenticator_name="曹海念"
                      participant_dept_code="1411" participant_dept_name="耳鼻喉门诊"
                      participant_dept_std_code="1411" participant_dept_std_name="耳鼻喉门诊" participant_id="8401"
                      participant_dtime="2024-05-11 08:17:22" participant_name="罗高青" order_id=""
                      order_priority="R" order_priority_name="常规" performer_dept_code="3221"
                      performer_dept_name="普通放射" performer_dept_std_code="3221" performer_dept_std_name="普通放射"
                      performer_doctor="陈星榕" playing_device="CT报告" outpat_diag_name="慢性鼻炎;鼻中隔偏曲"
                      patient_condition_descr="无" exam_purpose=""
                      image_descr="双上颌窦、筛窦、额窦窦腔粘膜增厚,腔内见软组织影充填。" is_abnormal="0"
                      conclusion="%6$s" arrive_dtime="2024-05-11 08:17:34"
                      authenticator_dept_std_code="3221" authenticator_dept_std_name="普通放射"
                      authenticator_dept_code="3221" authenticator_dept_name="普通放射" data_status="1"
                      pacs_url="https://pacs.example/viewer?study=%3$s" pdf="%8$s"/>
                  </exammaster>
                  <exam_subitem>
                    <item last_update_dtime="2024-05-11 08:59:33" org_code="%1$s" event_no="2022208962"
                      report_form_no="%2$s" exam_site_code="115" body_part_name="鼻窦"
                      exam_item_code="115" exam_item_name="CT平扫+三维重建" recognition="1" effective_dtime="%5$s"/>
                    <item last_update_dtime="2024-05-11 08:59:33" org_code="%1$s" event_no="2022208962"
                      report_form_no="%2$s" exam_site_code="116" body_part_name="鼻窦"
                      exam_item_code="116" exam_item_name="鼻窦冠状位重建" recognition="1" effective_dtime="%5$s"/>
                  </exam_subitem>
                </root>
                """.formatted(org, reportNo, uid, performed, authenticated, conclusion, ID_NO,
                Base64.getEncoder().encodeToString(PDF));
    }

    /** The same report in the JSON form: the exammaster fields with their exam_subitem array. */
    static String json(String org, String reportNo, String uid, String performed, String authenticated,
            String modality, String priority, String... itemCodeAndName) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < itemCodeAndName.length; i += 2) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("{\"exam_item_code\":\"").append(itemCodeAndName[i]).append("\",\"exam_item_name\":\"")
                    .append(itemCodeAndName[i + 1]).append("\",\"recognition\":\"1\"}");
        }
        return """
                {"org_code":"%s","report_form_no":"%s","state":4,"id_type_code":"01","id_no":"%s",
                 "patient_id":"1658522","name":"患者姓名","event_type":"1","event_no":"2022208962",
                 "study_instance_uid":"%s","pacs_id":"0000544534","class_code":"%s","class_name":"%s",
                 "report_title":"胸部正位","performer_dtime":"%s","image_descr":"双肺纹理清晰。",
                 "conclusion":"心肺膈未见异常。","is_abnormal":"1","author_id":"2292","author_name":"张欣悦",
                 "author_dtime":"%s","authenticator_id":"8287","authenticator_name":"曹海念",
                 "authenticator_dtime":"%s","order_priority":"%s","performer_dept_code":"3221",
                 "performer_dept_name":"普通放射","exam_subitem":[%s]}
                """.formatted(org, reportNo, ID_NO, uid, modality, modality, performed, authenticated,
                authenticated, priority, items);
    }
}
