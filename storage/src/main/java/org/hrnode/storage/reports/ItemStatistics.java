package org.hrnode.storage.reports;

import java.util.Map;

/**
 * How clinicians judged one item of one reporting institution's reports.
 *
 * @param rejectionsByReason reason code (1-10) → rejections, most frequent first
 */
public record ItemStatistics(String orgCode, String itemCode, String itemName, long accepted, long rejected,
                             long quotes, Map<Integer, Long> rejectionsByReason) {
}
