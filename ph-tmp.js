const md=require('libphonenumber-js/metadata.max.json');
for (const c of ['IN','RU','DE','AT','BR','CN','ID','PK','NG','BD','MX','GB','JP']) { const f=md.countries[c][4]||[]; console.log(c, md.countries[c][5], md.countries[c][7], JSON.stringify(f.map(x=>[x[2]&&x[2][0]?.slice(0,20),x[3],x[4]])).slice(0,400)); }
