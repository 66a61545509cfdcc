module s32x.com/tfclass

go 1.12
