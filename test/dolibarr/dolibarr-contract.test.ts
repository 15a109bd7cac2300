import { describeGescomTargetContract } from '../contract/gescom-target.contract.js';
import { openDolibarrUnderTest } from './dolibarr-harness.js';

describeGescomTargetContract('Dolibarr (simulator)', () => openDolibarrUnderTest());
