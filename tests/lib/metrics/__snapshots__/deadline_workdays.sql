CASE WHEN t.category = '违章搭建' THEN 15
      WHEN t.category = '房屋维修' THEN 15
      WHEN t.category = '绿化' THEN 15
      ELSE 7 END