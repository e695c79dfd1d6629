/** AI QC: catalogue and exam matcher, header rules, image metrics, model, scoring, HR eligibility. */
package org.hrnode.aiqc;
