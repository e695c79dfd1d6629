/** DICOMweb: QIDO-RS, WADO-RS, STOW-RS and WADO-URI. */
package org.hrnode.wado;
