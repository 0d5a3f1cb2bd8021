import * as plan from './nodes/shared/numbering-plan';
import { nationalReadings } from './nodes/shared/national-readings';
for (const d of ['919999999999','14155550123','447911123456','5167168176','9876543210','13812345678','07911123456','89123456789','2032679104','4915112345678','8123456789']) console.log(d, nationalReadings(plan, d).map(r=>r.country+':'+r.number).join(' '), plan.parsePhoneNumberFromString('+'+d)?.isValid());
let t=Date.now(); for(let i=0;i<1000;i++) nationalReadings(plan,'5167168176'); console.log('ms',(Date.now()-t)/1000);
